import {
  AGGREGATE_MIN_ANSWERS,
  aggregateOf,
  ROOM_CHECKIN,
  SIGNALS_CHECKIN_ANSWERS,
  type CheckinKind,
  type CheckinMoment,
  type RoomCheckin,
} from '../../shared/checkins/checkins.ts'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { checkinWord, groupScope, rowIdOf } from '../crypto/sealedColumns.ts'
import type { Db } from '../db/openDatabase.ts'
import type { Services } from '../http/AppEnv.ts'

export interface CheckinRow {
  id: string
  session_id: string
  kind: CheckinKind
  moment: CheckinMoment
  named: number
  opened_at: number
  closed_at: number | null
}

export const checkinRow = (db: Db, sessionId: string, id: string) =>
  db.sql
    .prepare('SELECT * FROM checkins WHERE id = ? AND session_id = ?')
    .get(id, sessionId) as unknown as CheckinRow | undefined

/** The session's latest check-in, open or closed. */
export const latestCheckin = (db: Db, sessionId: string) =>
  db.sql
    .prepare(
      'SELECT * FROM checkins WHERE session_id = ? ORDER BY opened_at DESC, rowid DESC LIMIT 1',
    )
    .get(sessionId) as unknown as CheckinRow | undefined

/** A stored answer's word, opened (the group's key, sealed to the answer's row). */
export const openWord = (
  services: Services,
  groupId: string,
  checkinId: string,
  memberId: string,
  word: string | null,
) =>
  word === null
    ? null
    : checkinWord.open(services.keys, groupScope(groupId), rowIdOf(checkinId, memberId), word)

const answersOf = (services: Services, groupId: string, checkinId: string) =>
  (
    services.db.sql
      .prepare('SELECT member_id, mood, word FROM checkin_answers WHERE checkin_id = ?')
      .all(checkinId) as { member_id: string; mood: number | null; word: string | null }[]
  )
    .map((a) => ({
      mood: a.mood,
      word: openWord(services, groupId, checkinId, a.member_id, a.word),
    }))
    // In an order that tells nothing of who answered when (the aggregate sorts again anyway).
    .sort(
      (a, b) =>
        (a.word ?? '').localeCompare(b.word ?? '') ||
        Number(a.word !== null) - Number(b.word !== null) ||
        (a.mood ?? -1) - (b.mood ?? -1),
    )

/**
 * Writes the check-in as the room shows it: what it asks, whether it is open, how many answered,
 * and the group's answers as a distribution and a word count once enough answered that no one
 * can tell whose is whose.
 */
export async function publishCheckin(
  services: Services,
  groupId: string,
  row: CheckinRow,
): Promise<void> {
  const answers = answersOf(services, groupId, row.id)
  const view: RoomCheckin = {
    id: row.id,
    kind: row.kind,
    moment: row.moment,
    openedAt: row.opened_at,
    closed: row.closed_at !== null,
    answered: answers.length,
    named: row.named === 1,
    aggregate: answers.length >= AGGREGATE_MIN_ANSWERS ? aggregateOf(answers) : null,
  }
  await services.sync.serverWrite(
    sessionDocName.room(groupId, row.session_id) as DocName,
    (doc) => void doc.getMap(ROOM_CHECKIN).set('current', view),
  )
}

/**
 * Where the group lets facilitators see each member's check-in: the answers by name, in the
 * facilitators' signals document only.
 */
export async function publishNamedAnswers(
  services: Services,
  groupId: string,
  row: CheckinRow,
): Promise<void> {
  const named = services.db.sql
    .prepare(
      `SELECT p.line_key AS lineKey, m.pseudonym AS name, m.colour, a.mood, a.word,
         a.member_id AS memberId
       FROM checkin_answers a JOIN members m ON m.id = a.member_id
       JOIN private_lines p ON p.session_id = ? AND p.member_id = a.member_id
       WHERE a.checkin_id = ? ORDER BY a.answered_at`,
    )
    .all(row.session_id, row.id) as {
    lineKey: string
    name: string
    colour: string
    mood: number | null
    word: string | null
    memberId: string
  }[]
  await services.sync.serverWrite(
    sessionDocName.signals(groupId, row.session_id) as DocName,
    (doc) =>
      void doc
        .getMap(SIGNALS_CHECKIN_ANSWERS)
        .set(
          row.id,
          Object.fromEntries(
            named.map(({ lineKey, memberId, word, ...rest }) => [
              lineKey,
              { ...rest, word: openWord(services, groupId, row.id, memberId, word) },
            ]),
          ),
        ),
  )
}
