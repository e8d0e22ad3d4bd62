import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { scheduleSessionRequest } from '../../shared/api/schemas.ts'
import { lineNameFor } from '../signals/privateLines.ts'
import { membersOfSession } from './membersOfSession.ts'
import { endChat } from '../chat/chatLifecycle.ts'
import { groupSettingsOf } from '../groups/groupQueries.ts'
import { takeSessionSnapshots } from '../snapshots/takeSessionSnapshots.ts'
import { sessionDocName, type SessionStatus } from '../../shared/documents/docKinds.ts'
import { appendAudit } from '../audit/audit.ts'
import { newId } from '../db/newId.ts'
import { type AppEnv, type Services } from '../http/AppEnv.ts'
import { groupOfSession, requireGroupFacilitator, requirePrincipal } from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import { isAdmitted } from './isAdmitted.ts'
import {
  inProgress,
  publishRoomState,
  sessionRow as storedSession,
  type SessionRow,
  sessionView,
  waitingMessageOf,
} from './roomState.ts'
import { isTimeZone, zonedToEpoch } from './zonedTime.ts'

/** Which status may follow which: scheduled → open (waiting room) → live → ended. */
const NEXT: Record<SessionStatus, SessionStatus[]> = {
  scheduled: ['open', 'cancelled'],
  open: ['live', 'ended', 'cancelled'],
  live: ['ended'],
  ended: [],
  cancelled: [],
}
const statusRequest = z.object({ status: z.enum(['open', 'live', 'ended', 'cancelled']) })
const lockRequest = z.object({ locked: z.boolean() })

/** Scheduling, the session lifecycle, the waiting room and attendance. */
export function sessionRoutes(services: Services) {
  const { db, now } = services
  const app = new Hono<AppEnv>()
  const sessionRow = (id: string) => storedSession(db, id)
  const view = sessionView

  app.post('/groups/:groupId/sessions', async (c) => {
    const groupId = c.req.param('groupId')
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    const body = await parseBody(c, scheduleSessionRequest)
    if (!isTimeZone(body.timeZone)) throw new HTTPException(400, { message: 'invalid: timeZone' })
    const count = body.weeklyOccurrences ?? 1
    const seriesId = body.weeklyOccurrences ? newId('series') : null
    const ids = db.transaction(() => {
      if (seriesId) {
        db.sql
          .prepare(
            'INSERT INTO session_series (id, group_id, title, time_zone, local_start, duration_minutes, occurrences) VALUES (?, ?, ?, ?, ?, ?, ?)',
          )
          .run(
            seriesId,
            groupId,
            body.title,
            body.timeZone,
            body.startsAtLocal,
            body.durationMinutes,
            count,
          )
      }
      const created: string[] = []
      for (let week = 0; week < count; week++) {
        const id = newId('session')
        db.sql
          .prepare(
            `INSERT INTO sessions (id, group_id, series_id, title, starts_at, duration_minutes, time_zone, status)
             VALUES (?, ?, ?, ?, ?, ?, ?, 'scheduled')`,
          )
          .run(
            id,
            groupId,
            seriesId,
            body.title,
            zonedToEpoch(body.startsAtLocal, body.timeZone, week * 7),
            body.durationMinutes,
            body.timeZone,
          )
        created.push(id)
      }
      appendAudit(
        db,
        {
          actor: principal,
          action: 'session.scheduled',
          groupId,
          detail: { count, series: seriesId },
        },
        now(),
      )
      return created
    })
    return c.json({ ids }, 201)
  })

  app.get('/groups/:groupId/sessions', async (c) => {
    const groupId = c.req.param('groupId')
    await requireGroupFacilitator(c, services, groupId)
    const rows = db.sql
      .prepare('SELECT * FROM sessions WHERE group_id = ? ORDER BY starts_at')
      .all(groupId) as unknown as SessionRow[]
    return c.json({ sessions: rows.map(view) })
  })

  app.get('/sessions/:sessionId', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = await groupOfSession(services, sessionId)
    const principal = requirePrincipal(c)
    if (principal.kind === 'member' && principal.groupId !== groupId)
      throw new HTTPException(403, { message: 'not allowed' })
    if (principal.kind === 'facilitator') await requireGroupFacilitator(c, services, groupId)
    const s = sessionRow(sessionId)
    const attendance =
      principal.kind === 'member'
        ? ((
            db.sql
              .prepare(
                'SELECT state FROM session_attendance WHERE session_id = ? AND member_id = ?',
              )
              .get(sessionId, principal.id) as { state: string } | undefined
          )?.state ?? 'none')
        : 'facilitator'
    const inRoom =
      attendance === 'facilitator' || (attendance === 'admitted' && inProgress(s.status))
    const group = groupSettingsOf(db, groupId)!
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
          ? waitingMessageOf(services.keys, s)
          : null,
      documents: inRoom
        ? {
            room: sessionDocName.room(groupId, sessionId),
            // A member's own private line (silent signals seen, later a word from the
            // facilitators): its name is an opaque key, never their id.
            ...(principal.kind === 'member'
              ? {
                  line: lineNameFor(db, groupId, sessionId, principal.id),
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
    const s = sessionRow(sessionId)
    if (!NEXT[s.status].includes(status)) {
      throw new HTTPException(409, { message: `A ${s.status} session cannot become ${status}.` })
    }
    const column = {
      open: 'opened_at',
      live: 'started_at',
      ended: 'ended_at',
      cancelled: 'ended_at',
    }[status]
    db.transaction(() => {
      db.sql
        .prepare(`UPDATE sessions SET status = ?, ${column} = ? WHERE id = ?`)
        .run(status, now(), sessionId)
      if (status === 'ended') {
        db.sql
          .prepare(
            'UPDATE session_attendance SET left_at = ? WHERE session_id = ? AND left_at IS NULL',
          )
          .run(now(), sessionId)
      }
      appendAudit(
        db,
        {
          actor: principal,
          action: 'session.status-changed',
          target: { kind: 'session', id: sessionId },
          groupId,
          detail: { from: s.status, to: status },
        },
        now(),
      )
    })
    await services.sync.reauthorize(membersOfSession(db, sessionId))
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
    db.transaction(() => {
      db.sql.prepare('UPDATE sessions SET locked = ? WHERE id = ?').run(Number(locked), sessionId)
      appendAudit(
        db,
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
    const isFacilitator = principal.kind === 'facilitator'
    const admitted =
      principal.kind === 'member' &&
      principal.groupId === groupId &&
      isAdmitted(db, sessionId, principal.id)
    if (!isFacilitator && !admitted) throw new HTTPException(403, { message: 'not allowed' })
    // Peers see pseudonyms and colours only: never member ids (peer anonymity).
    const members = db.sql
      .prepare(
        `SELECT m.id, m.pseudonym AS name, m.colour FROM session_attendance a JOIN members m ON m.id = a.member_id
         WHERE a.session_id = ? AND a.state = 'admitted' AND m.status = 'active' ORDER BY a.admitted_at`,
      )
      .all(sessionId) as { id: string; name: string; colour: string }[]
    const facilitators = db.sql
      .prepare(
        'SELECT f.display_name AS name FROM group_facilitators gf JOIN facilitators f ON f.id = gf.facilitator_id WHERE gf.group_id = ?',
      )
      .all(groupId) as { name: string }[]
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
