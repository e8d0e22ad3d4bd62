import type { DocName } from '../../shared/documents/docName.ts'
import { sessionDocName, type SessionStatus } from '../../shared/documents/docKinds.ts'
import { ROOM_BREATHING } from '../../shared/breathing/patterns.ts'
import { ROOM_STATE, WAITING_STATE, type Presented } from '../../shared/sessions/roomState.ts'
import type { KeyRing } from '../crypto/keyRing.ts'
import { groupScope, waitingMessage } from '../crypto/sealedColumns.ts'
import type { Db } from '../db/openDatabase.ts'
import type { Services } from '../http/AppEnv.ts'
import { handoutsOf } from '../slides/handoutsOf.ts'

export interface SessionRow {
  id: string
  group_id: string
  title: string
  starts_at: number
  duration_minutes: number
  time_zone: string
  status: SessionStatus
  locked: number
  presented: string | null
  waiting_message: string | null
}

export const sessionRow = (db: Db, id: string) =>
  db.sql.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as unknown as SessionRow

/** Open (waiting room) or live: the only states in which a room is in use. */
export const inProgress = (status: SessionStatus): boolean => status === 'open' || status === 'live'

/** A session as the API and the room state show it. */
export const sessionView = (s: SessionRow) => ({
  id: s.id,
  groupId: s.group_id,
  title: s.title,
  startsAt: s.starts_at,
  durationMinutes: s.duration_minutes,
  timeZone: s.time_zone,
  status: s.status,
  locked: s.locked === 1,
})

/**
 * The facilitators' word to those waiting, `{ text, at }`, or null (see attendanceRoutes.ts):
 * stored sealed with the group's key, to the session's row.
 */
export const waitingMessageOf = (
  keys: KeyRing,
  row: SessionRow,
): { text: string; at: number } | null =>
  row.waiting_message
    ? (JSON.parse(
        waitingMessage.open(keys, groupScope(row.group_id), row.id, row.waiting_message),
      ) as { text: string; at: number })
    : null

/** What the facilitators brought everyone to (see presentRoutes.ts). */
function presentedOf(row: SessionRow): Presented | null {
  return row.presented ? (JSON.parse(row.presented) as Presented) : null
}

/** Everyone who came to the session and is still in the group, in order of arrival. */
export const attendanceRows = (db: Db, sessionId: string) =>
  db.sql
    .prepare(
      `SELECT m.id AS memberId, m.pseudonym, m.colour, a.state, a.arrived_at AS arrivedAt, a.admitted_at AS admittedAt,
         c.joined AS callJoinedAt, c.left AS callLeftAt, c.open AS inCall
       FROM session_attendance a JOIN members m ON m.id = a.member_id
       LEFT JOIN (
         -- Their time in the call, from LiveKit's webhooks: first join, last leave, still in it.
         SELECT i.person_id, MIN(v.joined_at) AS joined, MAX(v.left_at) AS left,
           MAX(v.left_at IS NULL) AS open
         FROM video_attendance v JOIN video_identities i ON i.identity = v.identity
         WHERE i.session_id = ? GROUP BY i.person_id
       ) c ON c.person_id = m.id
       WHERE a.session_id = ? AND m.status = 'active' ORDER BY a.arrived_at`,
    )
    .all(sessionId, sessionId)

/**
 * Writes what the room shows into the session's server-written documents, so that it reaches
 * every open room over the socket instead of by polling (docs/ARCHITECTURE.md, "Room state"):
 *
 * - the room document (facilitators and admitted members read it): the session as
 *   `sessionView` shows it, the group's worksheet list (titles and modes), and a revision that
 *   grows with every change to worksheets or sharing. What differs per person (their own copy,
 *   what others shared with them) stays behind `GET /api/sessions/:id/worksheets`, which a
 *   client asks again when the revision moves, not on a timer;
 * - the signals document (facilitators only): the waiting room and who is in the room.
 *
 * Call it after any change to a session's status, attendance, worksheets or sharing; with
 * `worksheetsChanged` when what anyone's worksheet list shows may have changed.
 */
export async function publishRoomState(
  services: Services,
  sessionId: string,
  { worksheetsChanged = false } = {},
): Promise<void> {
  const { db, sync } = services
  const row = sessionRow(db, sessionId)
  if (!row) return
  const session = sessionView(row)
  const worksheets = db.sql
    .prepare('SELECT id, title, mode FROM worksheets WHERE session_id = ? ORDER BY created_at')
    .all(sessionId)
  const people = attendanceRows(db, sessionId)
  const g = row.group_id
  await sync.serverWrite(sessionDocName.room(g, sessionId) as DocName, (doc) => {
    const state = doc.getMap(ROOM_STATE)
    state.set('session', session)
    state.set('worksheets', worksheets)
    // The decks brought into the session: the same list for everyone (no person's id in it).
    state.set('handouts', handoutsOf(db, g, sessionId))
    state.set('presented', presentedOf(row))
    // A breathing exercise (server/breathing/) ends with the session.
    if (!inProgress(row.status) && state.get(ROOM_BREATHING)) state.set(ROOM_BREATHING, null)
    const revision = (state.get('revision') as number | undefined) ?? 0
    if (worksheetsChanged || revision === 0) state.set('revision', revision + 1)
  })
  await sync.serverWrite(sessionDocName.signals(g, sessionId) as DocName, (doc) => {
    const state = doc.getMap(WAITING_STATE)
    state.set('session', session)
    state.set('people', people)
    state.set('message', waitingMessageOf(services.keys, row))
  })
}
