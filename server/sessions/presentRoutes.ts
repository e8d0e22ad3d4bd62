import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import type { Presented } from '../../shared/sessions/roomState.ts'
import { appendAudit } from '../audit/audit.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { groupOfSession, requireGroupFacilitator } from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import { inProgress, publishRoomState, sessionRow } from './roomState.ts'

const presentRequest = z.object({ worksheetId: z.string().max(64).nullable() }).strict()

/**
 * "Bring everyone here": a facilitator brings the group to a worksheet (later a slide or the
 * canvas), or lets them go (`worksheetId: null`). Kept in the session's row and written into
 * the room document, which everyone only reads: members follow it, and only facilitators of
 * the group can change it.
 */
export function presentRoutes(services: Services) {
  const { db, now } = services
  const app = new Hono<AppEnv>()
  const worksheetOf = db.sql.prepare('SELECT id FROM worksheets WHERE id = ? AND session_id = ?')

  app.post('/sessions/:sessionId/present', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = groupOfSession(services, sessionId)
    const { principal } = requireGroupFacilitator(c, services, groupId)
    const { worksheetId } = await parseBody(c, presentRequest)
    const { status } = sessionRow(db, sessionId)
    if (!inProgress(status)) {
      throw new HTTPException(409, {
        message: 'The group can be brought together only while the session is open.',
      })
    }
    if (worksheetId !== null && !worksheetOf.get(worksheetId, sessionId)) {
      throw new HTTPException(404, { message: 'no such worksheet in this session' })
    }
    const presented: Presented | null =
      worksheetId === null ? null : { kind: 'worksheet', id: worksheetId, at: now() }
    db.transaction(() => {
      db.sql
        .prepare('UPDATE sessions SET presented = ? WHERE id = ?')
        .run(presented ? JSON.stringify(presented) : null, sessionId)
      appendAudit(
        db,
        {
          actor: principal,
          action: 'session.presented',
          target: { kind: 'session', id: sessionId },
          groupId,
          detail: { worksheet: worksheetId },
        },
        now(),
      )
    })
    await publishRoomState(services, sessionId)
    return c.json({ presented })
  })

  return app
}
