import { SIGNALS_CHECKIN_ANSWERS } from '../../shared/checkins/checkins.ts'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { SIGNALS_MEASURE_RESULTS } from '../../shared/measures/measureDocs.ts'
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
  const { db, sync } = services
  const checkins = db.sql
    .prepare(
      `SELECT k.id, k.session_id AS sessionId, s.group_id AS groupId
       FROM checkin_answers a JOIN checkins k ON k.id = a.checkin_id JOIN sessions s ON s.id = k.session_id
       WHERE a.member_id = ?`,
    )
    .all(memberId) as { id: string; sessionId: string; groupId: string }[]
  const measured = db.sql
    .prepare(
      `SELECT DISTINCT r.session_id AS sessionId, s.group_id AS groupId, p.line_key AS lineKey
       FROM measure_answers a JOIN measure_requests r ON r.id = a.request_id
       JOIN sessions s ON s.id = r.session_id
       LEFT JOIN private_lines p ON p.session_id = r.session_id AND p.member_id = a.member_id
       WHERE a.member_id = ?`,
    )
    .all(memberId) as { sessionId: string; groupId: string; lineKey: string | null }[]
  db.transaction(() => {
    db.sql.prepare('DELETE FROM checkin_answers WHERE member_id = ?').run(memberId)
    db.sql.prepare('DELETE FROM measure_answers WHERE member_id = ?').run(memberId)
  })
  let documents = 0
  for (const { id, sessionId, groupId } of checkins) {
    const row = checkinRow(db, sessionId, id)!
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
