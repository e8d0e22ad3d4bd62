import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import {
  CANVAS_GALLERY,
  CANVAS_SETTINGS,
  canvasGalleryRequest,
  canvasLockRequest,
  canvasPromptRequest,
  type CanvasEntry,
} from '../../shared/whiteboard/canvasDoc.ts'
import { promptById } from '../../shared/whiteboard/prompts.ts'
import { audit } from '../audit/audit.ts'
import { membersOfSession } from '../sessions/membersOfSession.ts'
import { type AppEnv, type Services } from '../http/AppEnv.ts'
import { groupOfSession, requireGroupFacilitator, requirePrincipal } from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import { existingCanvasKey, layerKeysOf, openCanvasKeys } from './canvasKeys.ts'

/**
 * The group canvas: who draws where. Each person gets a layer of their own (and a member a
 * canvas of their own) on first opening it while the session is in progress; the canvas
 * document lists the layers for everyone to compose. Facilitators lock and unlock it.
 */
export function canvasRoutes(services: Services) {
  const { now, sync } = services
  const app = new Hono<AppEnv>()

  app.post('/sessions/:sessionId/canvas', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = await groupOfSession(services, sessionId)
    const canvas = sessionDocName.canvas(groupId, sessionId) as DocName
    const principal = requirePrincipal(c)
    const data = await services.data()
    const keyOf = (kind: 'layer' | 'sketch') =>
      existingCanvasKey(data, sessionId, principal.id, kind)
    const session = (await data
      .selectFrom('sessions')
      .select(['status', 'canvas_locked'])
      .where('id', '=', sessionId)
      .executeTakeFirst())!
    const layer = (key: string) => sessionDocName.canvasLayer(groupId, sessionId, key) as DocName
    const sketchOf = (key: string | null) =>
      key ? (sessionDocName.sketch(groupId, sessionId, key) as DocName) : null
    // Whoever may read the canvas may ask for it: the rule of its kind decides. A member whose
    // group canvas was withheld after the session still has their own canvas.
    if ((await services.authorize(principal, canvas)) === 'none') {
      const sketch = sketchOf(principal.kind === 'member' ? await keyOf('sketch') : null)
      if (!sketch || (await services.authorize(principal, sketch)) === 'none') {
        throw new HTTPException(403, { message: 'not allowed' })
      }
      const own: CanvasEntry = {
        canvas,
        group: false,
        layer: null,
        layers: [],
        sketch,
        locked: session.canvas_locked === 1,
        licenseKey: services.tldrawLicenseKey,
      }
      return c.json(own)
    }
    const drawing = session.status === 'open' || session.status === 'live'
    const made = drawing ? await openCanvasKeys(services, groupId, sessionId, principal) : null
    const layerKey = made?.layer ?? (await keyOf('layer'))
    const sketchKey = principal.kind === 'member' ? (made?.sketch ?? (await keyOf('sketch'))) : null
    const entry: CanvasEntry = {
      canvas,
      group: true,
      layer: layerKey ? layer(layerKey) : null,
      layers: (await layerKeysOf(data, sessionId)).map(layer),
      sketch: sketchOf(sketchKey),
      locked: session.canvas_locked === 1,
      licenseKey: services.tldrawLicenseKey,
    }
    return c.json(entry)
  })

  app.put('/sessions/:sessionId/canvas/lock', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = await groupOfSession(services, sessionId)
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    const { locked } = await parseBody(c, canvasLockRequest)
    const data = await services.data()
    await data
      .updateTable('sessions')
      .set({ canvas_locked: Number(locked) })
      .where('id', '=', sessionId)
      .execute()
    await sync.serverWrite(sessionDocName.canvas(groupId, sessionId) as DocName, (doc) =>
      doc.getMap(CANVAS_SETTINGS).set('locked', locked),
    )
    await audit(
      data,
      {
        actor: principal,
        action: locked ? 'canvas.locked' : 'canvas.unlocked',
        target: { kind: 'session', id: sessionId },
        groupId,
      },
      now(),
    )
    // This session's members' layer sockets are decided again: write while unlocked, read
    // while locked.
    await services.sync.reauthorize(await membersOfSession(data, sessionId))
    return c.json({ locked })
  })

  // The gallery walk: which works members' screens show, in the order they were revealed.
  app.put('/sessions/:sessionId/canvas/gallery', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = await groupOfSession(services, sessionId)
    await requireGroupFacilitator(c, services, groupId)
    const { shown } = await parseBody(c, canvasGalleryRequest)
    const layers = new Set(await layerKeysOf(await services.data(), sessionId))
    if (shown?.some((key) => !layers.has(key))) {
      throw new HTTPException(400, { message: 'no such work on this canvas' })
    }
    await sync.serverWrite(sessionDocName.canvas(groupId, sessionId) as DocName, (doc) =>
      doc.getMap(CANVAS_SETTINGS).set(CANVAS_GALLERY, shown && [...new Set(shown)]),
    )
    return c.json({ shown })
  })

  // A prompt above the group canvas, written into the canvas document for the room to show.
  app.put('/sessions/:sessionId/canvas/prompt', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = await groupOfSession(services, sessionId)
    await requireGroupFacilitator(c, services, groupId)
    const { promptId } = await parseBody(c, canvasPromptRequest)
    if (promptId !== null && !promptById(promptId)) {
      throw new HTTPException(400, { message: 'no such prompt' })
    }
    await sync.serverWrite(sessionDocName.canvas(groupId, sessionId) as DocName, (doc) =>
      doc.getMap(CANVAS_SETTINGS).set('prompt', promptId),
    )
    return c.json({ promptId })
  })

  return app
}
