import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import type { Presented } from '../../shared/sessions/roomState.ts'
import { audit } from '../audit/audit.ts'
import { atomically } from '../data/Data.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { groupOfSession, requireGroupFacilitator } from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import { inProgress, publishRoomState, sessionRow } from './roomState.ts'
import { spotlightWork } from '../whiteboard/spotlightWork.ts'

const presentRequest = z.union([
  z.object({ worksheetId: z.string().max(64).nullable() }).strict(),
  // A deck brought into the session, at one slide (counted from 0).
  z.object({ handoutId: z.string().max(64), slide: z.number().int().min(0).max(999) }).strict(),
  // The group canvas, at one work (a layer's key: the gallery walk's spotlight) or as a whole.
  z.object({ canvasWork: z.string().max(40).nullable() }).strict(),
])

/**
 * "Bring everyone here": a facilitator brings the group to a worksheet, a slide or the group
 * canvas (one work on it: the gallery walk's spotlight), or lets them go (`worksheetId: null`). Kept in the session's row and written into
 * the room document, which everyone only reads: members follow it, and only facilitators of
 * the group can change it.
 */
export function presentRoutes(services: Services) {
  const { now } = services
  const app = new Hono<AppEnv>()
  const inSession = async (table: 'worksheets' | 'handouts', id: string, sessionId: string) =>
    (await (
      await services.data()
    )
      .selectFrom(table)
      .select('id')
      .where('id', '=', id)
      .where('session_id', '=', sessionId)
      .executeTakeFirst()) !== undefined

  app.post('/sessions/:sessionId/present', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = await groupOfSession(services, sessionId)
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    const body = await parseBody(c, presentRequest)
    const { status } = await sessionRow(await services.data(), sessionId)
    if (!inProgress(status)) {
      throw new HTTPException(409, {
        message: 'The group can be brought together only while the session is open.',
      })
    }
    let presented: Presented | null = null
    if ('canvasWork' in body) {
      if (body.canvasWork) await spotlightWork(services, groupId, sessionId, body.canvasWork)
      presented = { kind: 'canvas', work: body.canvasWork, at: now() }
    } else if ('handoutId' in body) {
      if (!(await inSession('handouts', body.handoutId, sessionId))) {
        throw new HTTPException(404, { message: 'no such deck in this session' })
      }
      presented = { kind: 'slides', id: body.handoutId, slide: body.slide, at: now() }
    } else if (body.worksheetId !== null) {
      if (!(await inSession('worksheets', body.worksheetId, sessionId))) {
        throw new HTTPException(404, { message: 'no such worksheet in this session' })
      }
      presented = { kind: 'worksheet', id: body.worksheetId, at: now() }
    }
    await atomically(await services.data(), async (trx) => {
      await trx
        .updateTable('sessions')
        .set({ presented: presented ? JSON.stringify(presented) : null })
        .where('id', '=', sessionId)
        .execute()
      await audit(
        trx,
        {
          actor: principal,
          action: 'session.presented',
          target: { kind: 'session', id: sessionId },
          groupId,
          detail:
            presented?.kind === 'slides'
              ? { slides: presented.id, slide: presented.slide }
              : presented?.kind === 'canvas'
                ? { canvas: presented.work ?? 'whole' }
                : { worksheet: presented?.id ?? null },
        },
        now(),
      )
    })
    await publishRoomState(services, sessionId)
    return c.json({ presented })
  })

  return app
}
