import { Hono } from 'hono'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { inProgress, sessionRow } from '../sessions/roomState.ts'
import { existingCanvasKey, openCanvasKeys } from './canvasKeys.ts'
import { HTTPException } from 'hono/http-exception'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { groupOfSession, requireReader } from '../http/guards.ts'
import { storeImage } from '../images/storeImage.ts'
import { advisoryLock, onPostgres } from '../data/Data.ts'
import { CANVAS_IMAGES_MAX, canvasDocOfKey, canvasImageCount } from './canvasImages.ts'

/** Pictures are added by hand: a few at once, then one every few seconds. */
const IMAGE_RATE = { burst: 6, perSecond: 0.3 }

/**
 * A picture pasted or dropped onto a canvas (tldraw's asset store uploads it here): stored on
 * the server and linked to the canvas it goes to, so the document holds only its address, never
 * the picture itself. `?to=group` is the person's own layer of the group canvas, `?to=mine` a
 * member's own canvas; either way only someone who may draw there now may add one.
 */
export function canvasImageRoutes(services: Services) {
  const { now } = services
  const app = new Hono<AppEnv>()

  app.post('/sessions/:sessionId/canvas/images', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = await groupOfSession(services, sessionId)
    const principal = await requireReader(
      c,
      services,
      sessionDocName.canvas(groupId, sessionId) as DocName,
    )
    const to = c.req.query('to')
    if (to !== 'group' && to !== 'mine') {
      throw new HTTPException(400, { message: 'Say where the picture goes: to=group or to=mine.' })
    }
    const data = await services.data()
    if (inProgress((await sessionRow(data, sessionId)).status)) {
      await openCanvasKeys(services, groupId, sessionId, principal)
    }
    const kind = to === 'group' ? 'layer' : 'sketch'
    const key = await existingCanvasKey(data, sessionId, principal.id, kind)
    const doc = key ? canvasDocOfKey({ key, kind, session_id: sessionId, group_id: groupId }) : null
    if (!key || !doc || (await services.authorize(principal, doc)) !== 'write') {
      throw new HTTPException(403, { message: 'You cannot add pictures to this canvas now.' })
    }
    const full = () =>
      new HTTPException(409, {
        message: `A canvas holds at most ${CANVAS_IMAGES_MAX} pictures from one person.`,
      })
    if ((await canvasImageCount(data, key)) >= CANVAS_IMAGES_MAX) throw full()
    if (!(await services.rates.take('canvas-image', principal.id, IMAGE_RATE))) {
      throw new HTTPException(429, { message: 'Please wait a moment before adding another.' })
    }
    const stored = await storeImage(c, services, now(), async (trx, hash) => {
      // Counted again where it is added, one upload per canvas at a time (on every instance):
      // two uploads at once must not both take the last place.
      if (onPostgres(trx)) await advisoryLock(trx, `canvas images:${key}`)
      const already = await trx
        .selectFrom('canvas_images')
        .select('hash')
        .where('key', '=', key)
        .where('hash', '=', hash)
        .executeTakeFirst()
      if (!already && (await canvasImageCount(trx, key)) >= CANVAS_IMAGES_MAX) throw full()
      await trx
        .insertInto('canvas_images')
        .values({ key, hash, created_at: now() })
        .onConflict((oc) => oc.doNothing())
        .execute()
    })
    return c.json(stored, 201)
  })

  return app
}
