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
import type { Keys } from '../crypto/Keys.ts'
import { checkinWord, groupScope, rowIdOf } from '../crypto/sealedColumns.ts'
import type { Data } from '../data/Data.ts'
import type { Services } from '../http/AppEnv.ts'
import { namedAnswers } from './checkinRecord.ts'

export interface CheckinRow {
  id: string
  session_id: string
  kind: CheckinKind
  moment: CheckinMoment
  named: number
  opened_at: number
  closed_at: number | null
}

const COLUMNS = ['id', 'session_id', 'kind', 'moment', 'named', 'opened_at', 'closed_at'] as const

export const checkinRow = async (data: Data, sessionId: string, id: string) =>
  (await data
    .selectFrom('checkins')
    .select(COLUMNS)
    .where('id', '=', id)
    .where('session_id', '=', sessionId)
    .executeTakeFirst()) as CheckinRow | undefined

/**
 * The session's latest check-in, open or closed. Ties of `opened_at` are not broken by the
 * order of insertion (SQLite's rowid, which PostgreSQL has not) but by what opening does: it
 * closes the one before at its own opening time, one at a time (`openCheckin`). So an open
 * one is the latest, and of two opened in one millisecond the one closed later is; two opened
 * and closed in one millisecond are both closed, and either refuses an answer.
 */
export const latestCheckin = async (data: Data, sessionId: string) =>
  (await data
    .selectFrom('checkins')
    .select(COLUMNS)
    .where('session_id', '=', sessionId)
    .orderBy('opened_at', 'desc')
    .orderBy((eb) => eb.case().when('closed_at', 'is', null).then(1).else(0).end(), 'desc')
    .orderBy('closed_at', 'desc')
    .limit(1)
    .executeTakeFirst()) as CheckinRow | undefined

/** A stored answer's word, opened (the group's key, sealed to the answer's row). */
export const openWord = async (
  keys: Keys,
  groupId: string,
  checkinId: string,
  memberId: string,
  word: string | null,
): Promise<string | null> =>
  word === null
    ? null
    : await checkinWord.open(keys, groupScope(groupId), rowIdOf(checkinId, memberId), word)

const answersOf = async (services: Services, groupId: string, checkinId: string) =>
  (
    await Promise.all(
      (
        await (
          await services.data()
        )
          .selectFrom('checkin_answers')
          .select(['member_id', 'mood', 'word'])
          .where('checkin_id', '=', checkinId)
          .execute()
      ).map(async (a) => ({
        mood: a.mood,
        word: await openWord(services.keys, groupId, checkinId, a.member_id, a.word),
      })),
    )
  )
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
  const answers = await answersOf(services, groupId, row.id)
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
  const named = await namedAnswers(await services.data(), row.session_id, row.id)
  const opened = await Promise.all(
    named.map(async ({ lineKey, memberId, word, ...rest }) => [
      lineKey,
      { ...rest, word: await openWord(services.keys, groupId, row.id, memberId, word) },
    ]),
  )
  await services.sync.serverWrite(
    sessionDocName.signals(groupId, row.session_id) as DocName,
    (doc) => void doc.getMap(SIGNALS_CHECKIN_ANSWERS).set(row.id, Object.fromEntries(opened)),
  )
}
