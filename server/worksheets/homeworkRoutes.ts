import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { appendAudit } from '../audit/audit.ts'
import { type AppEnv, type Services } from '../http/AppEnv.ts'
import { requireGroupFacilitator } from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import { publishRoomState } from '../sessions/roomState.ts'

const closeBody = z.object({ closed: z.boolean() }).strict()

/**
 * Closing a private sheet: every member's copy becomes read only (homework handed in), and
 * reopening gives it back. Decided on the server by the member-private rule, so open sockets
 * are re-decided at once.
 */
export function homeworkRoutes(services: Services) {
  const { db, now } = services
  const app = new Hono<AppEnv>()
  const worksheetOf = db.sql.prepare(
    'SELECT id, group_id AS groupId, session_id AS sessionId, mode FROM worksheets WHERE id = ?',
  )

  app.post('/worksheets/:worksheetId/close', async (c) => {
    const w = worksheetOf.get(c.req.param('worksheetId')) as
      { id: string; groupId: string; sessionId: string; mode: string } | undefined
    if (!w) throw new HTTPException(404, { message: 'no such worksheet' })
    const { principal } = await requireGroupFacilitator(c, services, w.groupId)
    const { closed } = await parseBody(c, closeBody)
    if (w.mode !== 'private') {
      throw new HTTPException(409, { message: 'Only a private sheet can be closed.' })
    }
    db.transaction(() => {
      db.sql
        .prepare('UPDATE worksheets SET closed_at = ? WHERE id = ?')
        .run(closed ? now() : null, w.id)
      appendAudit(
        db,
        {
          actor: principal,
          action: closed ? 'worksheet.closed' : 'worksheet.reopened',
          target: { kind: 'worksheet', id: w.id },
          groupId: w.groupId,
        },
        now(),
      )
    })
    await services.sync.reauthorize({ people: { kind: 'member' } })
    await publishRoomState(services, w.sessionId, { worksheetsChanged: true })
    return c.json({ closed })
  })

  return app
}
