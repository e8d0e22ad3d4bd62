import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { scheduleSessionRequest } from '../../shared/api/schemas.ts'
import { lineNameFor } from '../signals/privateLines.ts'
import { membersOfSession } from './membersOfSession.ts'
import { endChat } from '../chat/chatLifecycle.ts'
import { groupSettingsOf } from '../groups/groupQueries.ts'
import { takeSessionSnapshots } from '../snapshots/takeSessionSnapshots.ts'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { audit } from '../audit/audit.ts'
import { atomically } from '../data/Data.ts'
import { type AppEnv, type Services } from '../http/AppEnv.ts'
import { groupOfSession, requireGroupFacilitator, requirePrincipal } from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import { changeStatus } from './changeStatus.ts'
import { isAdmitted } from './isAdmitted.ts'
import {
  inProgress,
  publishRoomState,
  sessionRow as storedSession,
  type SessionRow,
  sessionView,
  waitingMessageOf,
} from './roomState.ts'
import { scheduleSessions } from './scheduleSessions.ts'
import { isTimeZone } from './zonedTime.ts'

const statusRequest = z.object({ status: z.enum(['open', 'live', 'ended', 'cancelled']) })
const lockRequest = z.object({ locked: z.boolean() })

/** Scheduling, the session lifecycle, the waiting room and attendance. */
export function sessionRoutes(services: Services) {
  const { now } = services
  const app = new Hono<AppEnv>()
  const sessionRow = async (id: string) => storedSession(await services.data(), id)
  const view = sessionView

  app.post('/groups/:groupId/sessions', async (c) => {
    const groupId = c.req.param('groupId')
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    const body = await parseBody(c, scheduleSessionRequest)
    if (!isTimeZone(body.timeZone)) throw new HTTPException(400, { message: 'invalid: timeZone' })
    const data = await services.data()
    const ids = await scheduleSessions(data, groupId, body, principal, now())
    return c.json({ ids }, 201)
  })

  app.get('/groups/:groupId/sessions', async (c) => {
    const groupId = c.req.param('groupId')
    await requireGroupFacilitator(c, services, groupId)
    const rows = (await (
      await services.data()
    )
      .selectFrom('sessions')
      .selectAll()
      .where('group_id', '=', groupId)
      .orderBy('starts_at')
      .orderBy('id')
      .execute()) as SessionRow[]
    return c.json({ sessions: rows.map(view) })
  })

  app.get('/sessions/:sessionId', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = await groupOfSession(services, sessionId)
    const principal = requirePrincipal(c)
    if (principal.kind === 'member' && principal.groupId !== groupId)
      throw new HTTPException(403, { message: 'not allowed' })
    if (principal.kind === 'facilitator') await requireGroupFacilitator(c, services, groupId)
    const data = await services.data()
    const s = await sessionRow(sessionId)
    const attendance =
      principal.kind === 'member'
        ? ((
            await data
              .selectFrom('session_attendance')
              .select('state')
              .where('session_id', '=', sessionId)
              .where('member_id', '=', principal.id)
              .executeTakeFirst()
          )?.state ?? 'none')
        : 'facilitator'
    const inRoom =
      attendance === 'facilitator' || (attendance === 'admitted' && inProgress(s.status))
    const group = (await groupSettingsOf(data, groupId))!
    return c.json({
      session: view(s),
      you: attendance,
      // How the chat shows who wrote, told before anyone writes.
      chat: {
        anonymous: group.anonymousChat,
        facilitatorsSeeAuthors: group.facilitatorsSeeAuthors,
        kept: group.chatKept,
      },
      // For those waiting (and the facilitators): the facilitators' word, if any.
      waitingMessage:
        attendance === 'waiting' || attendance === 'facilitator'
          ? await waitingMessageOf(services.keys, s)
          : null,
      documents: inRoom
        ? {
            room: sessionDocName.room(groupId, sessionId),
            // A member's own private line (silent signals seen, later a word from the
            // facilitators): its name is an opaque key, never their id.
            ...(principal.kind === 'member'
              ? {
                  line: await lineNameFor(data, groupId, sessionId, principal.id),
                }
              : {}),
          }
        : null,
    })
  })

  app.post('/sessions/:sessionId/status', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = await groupOfSession(services, sessionId)
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    const { status } = await parseBody(c, statusRequest)
    const data = await services.data()
    const { changed, from } = await changeStatus(data, sessionId, groupId, status, principal, now())
    if (!changed) {
      throw new HTTPException(409, { message: `A ${from} session cannot become ${status}.` })
    }
    // After the commit: the sockets are decided again and the rooms told.
    await services.sync.reauthorize(await membersOfSession(data, sessionId))
    await publishRoomState(services, sessionId)
    if (status === 'ended' || status === 'cancelled') {
      await endChat(services, { id: sessionId, groupId })
    }
    if (status === 'ended') await takeSessionSnapshots(services, sessionId)
    return c.json({ ok: true })
  })

  app.post('/sessions/:sessionId/lock', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = await groupOfSession(services, sessionId)
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    const { locked } = await parseBody(c, lockRequest)
    await atomically(await services.data(), async (trx) => {
      await trx
        .updateTable('sessions')
        .set({ locked: Number(locked) })
        .where('id', '=', sessionId)
        .execute()
      await audit(
        trx,
        {
          actor: principal,
          action: locked ? 'session.locked' : 'session.unlocked',
          target: { kind: 'session', id: sessionId },
          groupId,
        },
        now(),
      )
    })
    await publishRoomState(services, sessionId)
    return c.json({ ok: true })
  })

  app.get('/sessions/:sessionId/people', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = await groupOfSession(services, sessionId)
    const principal = requirePrincipal(c)
    if (principal.kind === 'facilitator') await requireGroupFacilitator(c, services, groupId)
    const data = await services.data()
    const isFacilitator = principal.kind === 'facilitator'
    const admitted =
      principal.kind === 'member' &&
      principal.groupId === groupId &&
      (await isAdmitted(data, sessionId, principal.id))
    if (!isFacilitator && !admitted) throw new HTTPException(403, { message: 'not allowed' })
    // Peers see pseudonyms and colours only: never member ids (peer anonymity).
    const members = await data
      .selectFrom('session_attendance as a')
      .innerJoin('members as m', 'm.id', 'a.member_id')
      .select(['m.id', 'm.pseudonym as name', 'm.colour'])
      .where('a.session_id', '=', sessionId)
      .where('a.state', '=', 'admitted')
      .where('m.status', '=', 'active')
      .orderBy('a.admitted_at')
      .orderBy('m.id')
      .execute()
    const facilitators = await data
      .selectFrom('group_facilitators as gf')
      .innerJoin('facilitators as f', 'f.id', 'gf.facilitator_id')
      .select('f.display_name as name')
      .where('gf.group_id', '=', groupId)
      .execute()
    return c.json({
      facilitators: facilitators.map((f) => ({ name: f.name })),
      members: members.map((m) => ({
        name: m.name,
        colour: m.colour,
        you: principal.kind === 'member' && m.id === principal.id,
      })),
    })
  })

  return app
}
