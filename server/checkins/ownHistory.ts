import type { OwnCheckin } from '../../shared/checkins/checkins.ts'
import type { OwnMeasure } from '../../shared/measures/measureDocs.ts'
import { MEASURES } from '../../shared/measures/measures.ts'
import type { Services } from '../http/AppEnv.ts'
import { openWord } from './publishCheckin.ts'
import { openResult } from '../measures/storedResults.ts'

/** A member's own check-ins in their group, oldest first. */
export const ownCheckins = (services: Services, memberId: string, groupId: string): OwnCheckin[] =>
  (
    services.db.sql
      .prepare(
        `SELECT a.checkin_id AS checkinId, s.title AS sessionTitle, s.starts_at AS startsAt,
           k.moment, a.mood, a.word, a.answered_at AS answeredAt
         FROM checkin_answers a JOIN checkins k ON k.id = a.checkin_id
         JOIN sessions s ON s.id = k.session_id
         WHERE a.member_id = ? AND s.group_id = ? ORDER BY a.answered_at`,
      )
      .all(memberId, groupId) as unknown as (OwnCheckin & { checkinId: string })[]
  ).map(({ checkinId, ...own }) => ({
    ...own,
    word: openWord(services, groupId, checkinId, memberId, own.word),
  }))

/** A member's own questionnaire results in their group, oldest first. */
export const ownMeasures = (services: Services, memberId: string, groupId: string): OwnMeasure[] =>
  (
    services.db.sql
      .prepare(
        `SELECT r.id AS requestId, r.measure, a.score, a.band, s.title AS sessionTitle,
           s.starts_at AS startsAt, a.answered_at AS answeredAt
         FROM measure_answers a JOIN measure_requests r ON r.id = a.request_id
         JOIN sessions s ON s.id = r.session_id
         WHERE a.member_id = ? AND s.group_id = ? ORDER BY a.answered_at`,
      )
      .all(memberId, groupId) as unknown as (Omit<OwnMeasure, 'score' | 'band'> & {
      requestId: string
      score: string
      band: string
    })[]
  ).map(({ requestId, score, band, ...own }) => ({
    ...own,
    ...openResult(services.keys, groupId, { requestId, memberId }, { score, band }),
  })) as OwnMeasure[]

/** The same, as a Markdown page for the member's archive (null when there is nothing). */
export function ownHistoryMarkdown(
  services: Services,
  memberId: string,
  groupId: string,
): string | null {
  const checkins = ownCheckins(services, memberId, groupId)
  const measures = ownMeasures(services, memberId, groupId)
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
