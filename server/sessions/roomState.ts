import type { Selectable } from 'kysely'
import type { DocName } from '../../shared/documents/docName.ts'
import { sessionDocName, type SessionStatus } from '../../shared/documents/docKinds.ts'
import { ROOM_BREATHING } from '../../shared/breathing/patterns.ts'
import { ROOM_STATE, WAITING_STATE, type Presented } from '../../shared/sessions/roomState.ts'
import type { Keys } from '../crypto/Keys.ts'
import { groupScope, waitingMessage } from '../crypto/sealedColumns.ts'
import type { Data } from '../data/Data.ts'
import type { Tables } from '../data/Tables.ts'
import type { Services } from '../http/AppEnv.ts'
import { handoutsOf } from '../slides/handoutsOf.ts'
import { attendanceRows } from './attendanceRows.ts'

export type SessionRow = Omit<Selectable<Tables['sessions']>, 'status'> & { status: SessionStatus }

/**
 * A session's row. Its callers found the session first (`groupOfSession`), so a missing row is
 * not told apart here: it comes back as `undefined`, typed as a row, as it always has.
 */
export const sessionRow = async (data: Data, id: string): Promise<SessionRow> =>
  (await data
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()) as SessionRow

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
export const waitingMessageOf = async (
  keys: Keys,
  row: SessionRow,
): Promise<{ text: string; at: number } | null> =>
  row.waiting_message
    ? (JSON.parse(
        await waitingMessage.open(keys, groupScope(row.group_id), row.id, row.waiting_message),
      ) as { text: string; at: number })
    : null

/** What the facilitators brought everyone to (see presentRoutes.ts). */
function presentedOf(row: SessionRow): Presented | null {
  return row.presented ? (JSON.parse(row.presented) as Presented) : null
}

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
 * Call it after any change to a session's status, attendance, worksheets or sharing (after its
 * commit: it reads what was written); with `worksheetsChanged` when what anyone's worksheet
 * list shows may have changed.
 */
export async function publishRoomState(
  services: Services,
  sessionId: string,
  { worksheetsChanged = false } = {},
): Promise<void> {
  const { sync } = services
  const data = await services.data()
  const row = await sessionRow(data, sessionId)
  if (!row) return
  const session = sessionView(row)
  const worksheets = await data
    .selectFrom('worksheets')
    .select(['id', 'title', 'mode'])
    .where('session_id', '=', sessionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  const people = await attendanceRows(data, sessionId)
  const g = row.group_id
  // The decks brought into the session: the same list for everyone (no person's id in it).
  const handouts = await handoutsOf(data, g, sessionId)
  await sync.serverWrite(sessionDocName.room(g, sessionId) as DocName, (doc) => {
    const state = doc.getMap(ROOM_STATE)
    state.set('session', session)
    state.set('worksheets', worksheets)
    state.set('handouts', handouts)
    state.set('presented', presentedOf(row))
    // A breathing exercise (server/breathing/) ends with the session.
    if (!inProgress(row.status) && state.get(ROOM_BREATHING)) state.set(ROOM_BREATHING, null)
    const revision = (state.get('revision') as number | undefined) ?? 0
    if (worksheetsChanged || revision === 0) state.set('revision', revision + 1)
  })
  const message = await waitingMessageOf(services.keys, row)
  await sync.serverWrite(sessionDocName.signals(g, sessionId) as DocName, (doc) => {
    const state = doc.getMap(WAITING_STATE)
    state.set('session', session)
    state.set('people', people)
    state.set('message', message)
  })
}
