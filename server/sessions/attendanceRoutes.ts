import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import {
  admitRequest,
  memberActionRequest,
  waitingMessageRequest,
} from '../../shared/api/schemas.ts'
import { audit } from '../audit/audit.ts'
import { groupScope, waitingMessage } from '../crypto/sealedColumns.ts'
import { atomically } from '../data/Data.ts'
import { hasAcceptedCurrent } from '../groups/groupQueries.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { groupOfSession, requireGroupFacilitator, requireMember } from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import { arrive } from './arrive.ts'
import { attendanceRows } from './attendanceRows.ts'
import { changeAttendance } from './changeAttendance.ts'
import {
  inProgress,
  publishRoomState,
  sessionRow as storedSession,
  sessionView,
  waitingMessageOf,
} from './roomState.ts'

/**
 * Who is in a session: members arriving (joining the waiting room, or straight in with
 * auto-admit), and facilitators admitting, sending back and removing them while it is open.
 */
export function attendanceRoutes(services: Services) {
  const { now } = services
  const app = new Hono<AppEnv>()
  const sessionRow = async (id: string) => storedSession(await services.data(), id)
  const view = sessionView

  app.get('/sessions/:sessionId/waiting-room', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = await groupOfSession(services, sessionId)
    await requireGroupFacilitator(c, services, groupId)
    const rows = await attendanceRows(await services.data(), sessionId)
    const row = await sessionRow(sessionId)
    return c.json({
      session: view(row),
      people: rows,
      message: await waitingMessageOf(services.keys, row),
    })
  })

  app.post('/sessions/:sessionId/admit', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = await groupOfSession(services, sessionId)
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    const body = await parseBody(c, admitRequest)
    const ids =
      'all' in body
        ? (
            await (
              await services.data()
            )
              .selectFrom('session_attendance')
              .select('member_id')
              .where('session_id', '=', sessionId)
              .where('state', '=', 'waiting')
              .execute()
          ).map((r) => r.member_id)
        : [body.memberId]
    const admitted = await changeAttendance(
      services,
      sessionId,
      groupId,
      ids,
      'admitted',
      principal,
    )
    if (!('all' in body) && admitted.length === 0)
      throw new HTTPException(404, { message: 'not waiting' })
    return c.json({ admitted: admitted.length })
  })

  for (const [path, state] of [
    ['return', 'waiting'],
    ['remove', 'removed'],
  ] as const) {
    app.post(`/sessions/:sessionId/${path}`, async (c) => {
      const sessionId = c.req.param('sessionId')
      const groupId = await groupOfSession(services, sessionId)
      const { principal } = await requireGroupFacilitator(c, services, groupId)
      const { memberId } = await parseBody(c, memberActionRequest)
      const changed = await changeAttendance(
        services,
        sessionId,
        groupId,
        [memberId],
        state,
        principal,
      )
      if (changed.length === 0) throw new HTTPException(404, { message: 'not in this session' })
      return c.json({ ok: true })
    })
  }

  app.post('/sessions/:sessionId/join', async (c) => {
    const member = requireMember(c)
    const sessionId = c.req.param('sessionId')
    const groupId = await groupOfSession(services, sessionId)
    if (groupId !== member.groupId) throw new HTTPException(403, { message: 'not allowed' })
    const data = await services.data()
    const s = await sessionRow(sessionId)
    if (!inProgress(s.status)) {
      throw new HTTPException(409, { message: 'This session is not open yet.' })
    }
    if (!(await hasAcceptedCurrent(data, groupId, member.id))) {
      throw new HTTPException(409, {
        message: 'Please read and accept the updated group agreement first.',
      })
    }
    const state = await arrive(data, sessionId, groupId, member, s.locked === 1, now())
    if (state === null)
      throw new HTTPException(423, {
        message: 'This session is locked. Your facilitator can let you in.',
      })
    if (state === 'removed')
      throw new HTTPException(403, { message: 'You were asked to leave this session.' })
    await publishRoomState(services, sessionId)
    return c.json({ state })
  })

  // A short word to those waiting. The trail records that one was sent, not what it said.
  app.post('/sessions/:sessionId/waiting-message', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = await groupOfSession(services, sessionId)
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    const { text } = await parseBody(c, waitingMessageRequest)
    const { status } = await sessionRow(sessionId)
    if (!inProgress(status)) {
      throw new HTTPException(409, { message: 'The waiting room is not open.' })
    }
    const message = text === null ? null : { text, at: now() }
    const sealed = message
      ? await waitingMessage.seal(
          services.keys,
          groupScope(groupId),
          sessionId,
          JSON.stringify(message),
        )
      : null
    await atomically(await services.data(), async (trx) => {
      await trx
        .updateTable('sessions')
        .set({ waiting_message: sealed })
        .where('id', '=', sessionId)
        .execute()
      await audit(
        trx,
        {
          actor: principal,
          action: 'session.waiting-message',
          target: { kind: 'session', id: sessionId },
          groupId,
          detail: { cleared: message === null },
        },
        now(),
      )
    })
    await publishRoomState(services, sessionId)
    return c.json({ message })
  })

  return app
}
