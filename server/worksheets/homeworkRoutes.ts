import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { audit } from '../audit/audit.ts'
import { atomically } from '../data/Data.ts'
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
  const { now } = services
  const app = new Hono<AppEnv>()

  app.post('/worksheets/:worksheetId/close', async (c) => {
    const data = await services.data()
    const w = await data
      .selectFrom('worksheets')
      .select(['id', 'group_id as groupId', 'session_id as sessionId', 'mode'])
      .where('id', '=', c.req.param('worksheetId'))
      .executeTakeFirst()
    if (!w) throw new HTTPException(404, { message: 'no such worksheet' })
    const { principal } = await requireGroupFacilitator(c, services, w.groupId)
    const { closed } = await parseBody(c, closeBody)
    if (w.mode !== 'private') {
      throw new HTTPException(409, { message: 'Only a private sheet can be closed.' })
    }
    await atomically(data, async (trx) => {
      await trx
        .updateTable('worksheets')
        .set({ closed_at: closed ? now() : null })
        .where('id', '=', w.id)
        .execute()
      await audit(
        trx,
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
