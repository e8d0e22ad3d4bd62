import { SIGNALS_CHECKIN_ANSWERS } from '../../shared/checkins/checkins.ts'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { SIGNALS_MEASURE_RESULTS } from '../../shared/measures/measureDocs.ts'
import { atomically, type Data } from '../data/Data.ts'
import type { Services } from '../http/AppEnv.ts'
import { checkinRow, publishCheckin, publishNamedAnswers } from './publishCheckin.ts'

/**
 * A member's check-in answers and questionnaire results, erased: the rows go, every aggregate
 * that counted them is written again, their entries leave the facilitators' documents, and the
 * documents are folded into fresh snapshots so the old values are not kept in their history.
 * Runs before their private lines are forgotten (the line keys name their entries). Returns
 * the number of documents rewritten.
 */
export async function eraseMemberRituals(services: Services, memberId: string): Promise<number> {
  const { sync } = services
  const data = await services.data()
  const checkins = await data
    .selectFrom('checkin_answers as a')
    .innerJoin('checkins as k', 'k.id', 'a.checkin_id')
    .innerJoin('sessions as s', 's.id', 'k.session_id')
    .select(['k.id', 'k.session_id as sessionId', 's.group_id as groupId'])
    .where('a.member_id', '=', memberId)
    .execute()
  const measured = await data
    .selectFrom('measure_answers as a')
    .innerJoin('measure_requests as r', 'r.id', 'a.request_id')
    .innerJoin('sessions as s', 's.id', 'r.session_id')
    .leftJoin('private_lines as p', (join) =>
      join.onRef('p.session_id', '=', 'r.session_id').onRef('p.member_id', '=', 'a.member_id'),
    )
    .select(['r.session_id as sessionId', 's.group_id as groupId', 'p.line_key as lineKey'])
    .distinct()
    .where('a.member_id', '=', memberId)
    .execute()
  await deleteMemberRitualRows(data, memberId)
  let documents = 0
  for (const { id, sessionId, groupId } of checkins) {
    const row = (await checkinRow(data, sessionId, id))!
    await publishCheckin(services, groupId, row)
    const signals = sessionDocName.signals(groupId, sessionId) as DocName
    const named = await sync.serverRead(signals, (doc) =>
      doc.getMap(SIGNALS_CHECKIN_ANSWERS).has(id),
    )
    if (named) await publishNamedAnswers(services, groupId, row)
    await sync.compactNow(sessionDocName.room(groupId, sessionId) as DocName)
    await sync.compactNow(signals)
    documents += 2
  }
  for (const { sessionId, groupId, lineKey } of measured) {
    if (!lineKey) continue
    const signals = sessionDocName.signals(groupId, sessionId) as DocName
    await sync.serverWrite(signals, (doc) => doc.getMap(SIGNALS_MEASURE_RESULTS).delete(lineKey))
    await sync.compactNow(signals)
    documents++
  }
  return documents
}

/** Their check-in answers and questionnaire results, in one transaction. */
export async function deleteMemberRitualRows(data: Data, memberId: string): Promise<void> {
  await atomically(data, async (trx) => {
    await trx.deleteFrom('checkin_answers').where('member_id', '=', memberId).execute()
    await trx.deleteFrom('measure_answers').where('member_id', '=', memberId).execute()
  })
}
