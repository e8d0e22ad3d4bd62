import type { CheckinKind, CheckinMoment } from '../../shared/checkins/checkins.ts'
import { audit } from '../audit/audit.ts'
import type { FacilitatorPrincipal } from '../auth/Principal.ts'
import { advisoryLock, atomically, onPostgres, type Data } from '../data/Data.ts'

/**
 * A session's check-ins change one at a time: opening one closes the one before, and an
 * answer counts only while its check-in is open. On PostgreSQL, where instances do these at
 * once, each takes the session's advisory lock to its commit (two openings would otherwise
 * both close the one before and leave two open; an answer could land after the close);
 * SQLite's transactions take the write lock first.
 */
const oneAtATime = async (trx: Data, sessionId: string) => {
  if (onPostgres(trx)) await advisoryLock(trx, `checkins:${sessionId}`)
}

/** Opens a check-in, closing any still open in the session, with the trail's entry. */
export async function openCheckin(
  data: Data,
  checkin: {
    id: string
    sessionId: string
    groupId: string
    kind: CheckinKind
    moment: CheckinMoment
    named: boolean
    by: FacilitatorPrincipal
  },
  at: number,
): Promise<void> {
  const { id, sessionId, kind, moment } = checkin
  await atomically(data, async (trx) => {
    await oneAtATime(trx, sessionId)
    await trx
      .updateTable('checkins')
      .set({ closed_at: at })
      .where('session_id', '=', sessionId)
      .where('closed_at', 'is', null)
      .execute()
    await trx
      .insertInto('checkins')
      .values({
        id,
        session_id: sessionId,
        kind,
        moment,
        named: checkin.named ? 1 : 0,
        opened_at: at,
        opened_by: checkin.by.id,
      })
      .execute()
    await audit(
      trx,
      {
        actor: checkin.by,
        action: 'checkin.opened',
        target: { kind: 'session', id: sessionId },
        groupId: checkin.groupId,
        detail: { kind, moment },
      },
      at,
    )
  })
}

/** Closes a check-in of the session if it is open. */
export async function closeCheckin(
  data: Data,
  sessionId: string,
  id: string,
  at: number,
): Promise<void> {
  await atomically(data, async (trx) => {
    await oneAtATime(trx, sessionId)
    await trx
      .updateTable('checkins')
      .set({ closed_at: at })
      .where('id', '=', id)
      .where('session_id', '=', sessionId)
      .where('closed_at', 'is', null)
      .execute()
  })
}

/**
 * Keeps a member's answer (a later one replaces theirs), while the check-in is open; false,
 * keeping nothing, once it has closed. `word` is stored as given (sealed by the caller).
 */
export async function answerCheckin(
  data: Data,
  answer: {
    checkinId: string
    sessionId: string
    memberId: string
    mood: number | null
    word: string | null
  },
  at: number,
): Promise<boolean> {
  const { checkinId, sessionId, memberId, mood, word } = answer
  return atomically(data, async (trx) => {
    await oneAtATime(trx, sessionId)
    const open = await trx
      .selectFrom('checkins')
      .select('id')
      .where('id', '=', checkinId)
      .where('session_id', '=', sessionId)
      .where('closed_at', 'is', null)
      .executeTakeFirst()
    if (!open) return false
    await trx
      .insertInto('checkin_answers')
      .values({ checkin_id: checkinId, member_id: memberId, mood, word, answered_at: at })
      .onConflict((oc) =>
        oc.columns(['checkin_id', 'member_id']).doUpdateSet((eb) => ({
          mood: eb.ref('excluded.mood'),
          word: eb.ref('excluded.word'),
          answered_at: eb.ref('excluded.answered_at'),
        })),
      )
      .execute()
    return true
  })
}

/**
 * A check-in's answers with who gave them, for the facilitators where the group names them:
 * each by the member's private line of the session (the key their entry goes under), in the
 * order they were given. `word` is as stored (sealed).
 */
export const namedAnswers = (data: Data, sessionId: string, checkinId: string) =>
  data
    .selectFrom('checkin_answers as a')
    .innerJoin('members as m', 'm.id', 'a.member_id')
    .innerJoin('private_lines as p', (join) =>
      join.onRef('p.member_id', '=', 'a.member_id').on('p.session_id', '=', sessionId),
    )
    .select([
      'p.line_key as lineKey',
      'm.pseudonym as name',
      'm.colour',
      'a.mood',
      'a.word',
      'a.member_id as memberId',
    ])
    .where('a.checkin_id', '=', checkinId)
    .orderBy('a.answered_at')
    .orderBy('a.member_id')
    .execute()
