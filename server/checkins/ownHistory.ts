import type { OwnCheckin } from '../../shared/checkins/checkins.ts'
import type { OwnMeasure } from '../../shared/measures/measureDocs.ts'
import { MEASURES } from '../../shared/measures/measures.ts'
import type { Db } from '../db/openDatabase.ts'

/** A member's own check-ins in their group, oldest first. */
export const ownCheckins = (db: Db, memberId: string, groupId: string): OwnCheckin[] =>
  db.sql
    .prepare(
      `SELECT s.title AS sessionTitle, s.starts_at AS startsAt, k.moment, a.mood, a.word,
         a.answered_at AS answeredAt
       FROM checkin_answers a JOIN checkins k ON k.id = a.checkin_id
       JOIN sessions s ON s.id = k.session_id
       WHERE a.member_id = ? AND s.group_id = ? ORDER BY a.answered_at`,
    )
    .all(memberId, groupId) as unknown as OwnCheckin[]

/** A member's own questionnaire results in their group, oldest first. */
export const ownMeasures = (db: Db, memberId: string, groupId: string): OwnMeasure[] =>
  db.sql
    .prepare(
      `SELECT r.measure, a.score, a.band, s.title AS sessionTitle, s.starts_at AS startsAt,
         a.answered_at AS answeredAt
       FROM measure_answers a JOIN measure_requests r ON r.id = a.request_id
       JOIN sessions s ON s.id = r.session_id
       WHERE a.member_id = ? AND s.group_id = ? ORDER BY a.answered_at`,
    )
    .all(memberId, groupId) as unknown as OwnMeasure[]

/** The same, as a Markdown page for the member's archive (null when there is nothing). */
export function ownHistoryMarkdown(db: Db, memberId: string, groupId: string): string | null {
  const checkins = ownCheckins(db, memberId, groupId)
  const measures = ownMeasures(db, memberId, groupId)
  if (checkins.length === 0 && measures.length === 0) return null
  const day = (at: number) => new Date(at).toISOString().slice(0, 10)
  const lines = ['# How I have been', '']
  if (checkins.length > 0) {
    lines.push('## Check-ins', '')
    for (const c of checkins) {
      const answer = [c.mood !== null ? `${c.mood} of 10` : null, c.word ? `"${c.word}"` : null]
      lines.push(
        `- ${c.sessionTitle} (${day(c.startsAt)}, ${c.moment}): ${answer.filter(Boolean).join(', ')}`,
      )
    }
    lines.push('')
  }
  if (measures.length > 0) {
    lines.push('## Questionnaires', '')
    for (const m of measures) {
      lines.push(
        `- ${MEASURES[m.measure].name}, ${m.sessionTitle} (${day(m.startsAt)}): ${m.score} (${m.band.toLowerCase()})`,
      )
    }
    lines.push('', `Sources: ${MEASURES.phq9.source}; ${MEASURES.gad7.source}.`, '')
  }
  return lines.join('\n')
}
