import type { MeasureId } from '../../shared/measures/measures.ts'
import { audit } from '../audit/audit.ts'
import type { FacilitatorPrincipal, MemberPrincipal } from '../auth/Principal.ts'
import { atomically, type Data } from '../data/Data.ts'

/**
 * Sends a questionnaire at a session, with the trail's entry; a session sends each one once.
 * The request's id, and whether this call sent it (false: it was sent already, nothing is
 * written). Two facilitators, or instances, sending at once send one: the unique (session,
 * measure) keeps the first, and the other reads its id back.
 */
export async function sendMeasure(
  data: Data,
  request: {
    id: string
    sessionId: string
    groupId: string
    measure: MeasureId
    by: FacilitatorPrincipal
  },
  at: number,
): Promise<{ id: string; sent: boolean }> {
  const { id, sessionId, measure } = request
  return atomically(data, async (trx) => {
    const inserted = await trx
      .insertInto('measure_requests')
      .values({ id, session_id: sessionId, measure, sent_at: at, sent_by: request.by.id })
      .onConflict((oc) => oc.columns(['session_id', 'measure']).doNothing())
      .executeTakeFirst()
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
      const held = await trx
        .selectFrom('measure_requests')
        .select('id')
        .where('session_id', '=', sessionId)
        .where('measure', '=', measure)
        .executeTakeFirstOrThrow()
      return { id: held.id, sent: false }
    }
    await audit(
      trx,
      {
        actor: request.by,
        action: 'measure.sent',
        target: { kind: 'session', id: sessionId },
        groupId: request.groupId,
        detail: { measure },
      },
      at,
    )
    return { id, sent: true }
  })
}

/** A questionnaire sent at this session, or undefined. */
export const measureRequest = async (data: Data, sessionId: string, requestId: string) =>
  (await data
    .selectFrom('measure_requests')
    .select(['id', 'measure'])
    .where('id', '=', requestId)
    .where('session_id', '=', sessionId)
    .executeTakeFirst()) as { id: string; measure: MeasureId } | undefined

/**
 * Keeps a member's answer to a questionnaire, with the trail's entry (which questionnaire
 * only: the score is health information, not the trail's). Each member answers once: false,
 * writing nothing, when they already did (the key decides between answers sent at once).
 * `answers`, `score` and `band` are stored as given (sealed by the caller).
 */
export async function answerMeasure(
  data: Data,
  answer: {
    requestId: string
    measure: MeasureId
    sessionId: string
    groupId: string
    member: MemberPrincipal
    answers: string
    score: string
    band: string
  },
  at: number,
): Promise<boolean> {
  const { member } = answer
  return atomically(data, async (trx) => {
    const inserted = await trx
      .insertInto('measure_answers')
      .values({
        request_id: answer.requestId,
        member_id: member.id,
        answers: answer.answers,
        score: answer.score,
        band: answer.band,
        answered_at: at,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst()
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false
    await audit(
      trx,
      {
        actor: member,
        action: 'measure.answered',
        target: { kind: 'session', id: answer.sessionId },
        groupId: answer.groupId,
        detail: { measure: answer.measure },
      },
      at,
    )
    return true
  })
}

/**
 * A member's results on a measure in their group, from other requests than `except`: the
 * `limit` latest, newest first, as stored (sealed).
 */
export const earlierResults = (
  data: Data,
  of: { memberId: string; groupId: string; measure: MeasureId; except: string },
  limit: number,
) =>
  data
    .selectFrom('measure_answers as a')
    .innerJoin('measure_requests as r', 'r.id', 'a.request_id')
    .innerJoin('sessions as s', 's.id', 'r.session_id')
    .select(['r.id as requestId', 'a.score', 'a.band', 'a.answered_at as at'])
    .where('a.member_id', '=', of.memberId)
    .where('r.measure', '=', of.measure)
    .where('s.group_id', '=', of.groupId)
    .where('r.id', '!=', of.except)
    .orderBy('a.answered_at', 'desc')
    .orderBy('a.request_id')
    .limit(limit)
    .execute()
