import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import {
  CANVAS_SETTINGS,
  canvasLockRequest,
  canvasPromptRequest,
  type CanvasEntry,
} from '../../shared/whiteboard/canvasDoc.ts'
import { promptById } from '../../shared/whiteboard/prompts.ts'
import { appendAudit } from '../audit/audit.ts'
import { membersOfSession } from '../sessions/membersOfSession.ts'
import { reauthorizeWhere, type AppEnv, type Services } from '../http/AppEnv.ts'
import { groupOfSession, requireGroupFacilitator, requireReader } from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import { layerKeysOf, openCanvasKeys } from './canvasKeys.ts'

/**
 * The group canvas: who draws where. Each person gets a layer of their own (and a member a
 * canvas of their own) on first opening it while the session is in progress; the canvas
 * document lists the layers for everyone to compose. Facilitators lock and unlock it.
 */
export function canvasRoutes(services: Services) {
  const { db, now, sync } = services
  const app = new Hono<AppEnv>()
  const sessionOf = db.sql.prepare('SELECT status, canvas_locked FROM sessions WHERE id = ?')
  const existingKey = db.sql.prepare(
    'SELECT key FROM canvas_keys WHERE session_id = ? AND owner_id = ? AND kind = ?',
  )

  app.post('/sessions/:sessionId/canvas', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = groupOfSession(services, sessionId)
    const canvas = sessionDocName.canvas(groupId, sessionId) as DocName
    // Whoever may read the canvas may ask for it: the rule of its kind decides.
    const principal = await requireReader(c, services, canvas)
    const session = sessionOf.get(sessionId) as { status: string; canvas_locked: number }
    const drawing = session.status === 'open' || session.status === 'live'
    const keyOf = (kind: 'layer' | 'sketch'): string | null => {
      const row = existingKey.get(sessionId, principal.id, kind) as { key: string } | undefined
      return row?.key ?? null
    }
    const made = drawing ? await openCanvasKeys(services, groupId, sessionId, principal) : null
    const layerKey = made?.layer ?? keyOf('layer')
    const sketchKey = principal.kind === 'member' ? (made?.sketch ?? keyOf('sketch')) : null
    const layer = (key: string) => sessionDocName.canvasLayer(groupId, sessionId, key) as DocName
    const entry: CanvasEntry = {
      canvas,
      layer: layerKey ? layer(layerKey) : null,
      layers: layerKeysOf(db, sessionId).map(layer),
      sketch: sketchKey ? (sessionDocName.sketch(groupId, sessionId, sketchKey) as DocName) : null,
      locked: session.canvas_locked === 1,
      licenseKey: services.tldrawLicenseKey,
    }
    return c.json(entry)
  })

  app.put('/sessions/:sessionId/canvas/lock', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = groupOfSession(services, sessionId)
    const { principal } = requireGroupFacilitator(c, services, groupId)
    const { locked } = await parseBody(c, canvasLockRequest)
    db.sql
      .prepare('UPDATE sessions SET canvas_locked = ? WHERE id = ?')
      .run(Number(locked), sessionId)
    await sync.serverWrite(sessionDocName.canvas(groupId, sessionId) as DocName, (doc) =>
      doc.getMap(CANVAS_SETTINGS).set('locked', locked),
    )
    appendAudit(
      db,
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
    await reauthorizeWhere(services, membersOfSession(db, sessionId))
    return c.json({ locked })
  })

  // A prompt above the group canvas, written into the canvas document for the room to show.
  app.put('/sessions/:sessionId/canvas/prompt', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = groupOfSession(services, sessionId)
    requireGroupFacilitator(c, services, groupId)
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
