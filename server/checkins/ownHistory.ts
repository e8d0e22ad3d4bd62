import type { OwnCheckin } from '../../shared/checkins/checkins.ts'
import type { OwnMeasure } from '../../shared/measures/measureDocs.ts'
import { MEASURES, type MeasureId } from '../../shared/measures/measures.ts'
import type { Keys } from '../crypto/Keys.ts'
import type { Data } from '../data/Data.ts'
import type { Services } from '../http/AppEnv.ts'
import { openWord } from './publishCheckin.ts'
import { openResult } from '../measures/storedResults.ts'

/** A member's own check-ins in their group, oldest first. */
export async function ownCheckins(
  data: Data,
  keys: Keys,
  memberId: string,
  groupId: string,
): Promise<OwnCheckin[]> {
  const rows = await data
    .selectFrom('checkin_answers as a')
    .innerJoin('checkins as k', 'k.id', 'a.checkin_id')
    .innerJoin('sessions as s', 's.id', 'k.session_id')
    .select([
      'a.checkin_id as checkinId',
      's.title as sessionTitle',
      's.starts_at as startsAt',
      'k.moment',
      'a.mood',
      'a.word',
      'a.answered_at as answeredAt',
    ])
    .where('a.member_id', '=', memberId)
    .where('s.group_id', '=', groupId)
    .orderBy('a.answered_at')
    .orderBy('a.checkin_id')
    .execute()
  return Promise.all(
    rows.map(async ({ checkinId, ...own }) => ({
      ...own,
      moment: own.moment as OwnCheckin['moment'],
      word: await openWord(keys, groupId, checkinId, memberId, own.word),
    })),
  )
}

/** A member's own questionnaire results in their group, oldest first. */
export async function ownMeasures(
  data: Data,
  keys: Keys,
  memberId: string,
  groupId: string,
): Promise<OwnMeasure[]> {
  const rows = await data
    .selectFrom('measure_answers as a')
    .innerJoin('measure_requests as r', 'r.id', 'a.request_id')
    .innerJoin('sessions as s', 's.id', 'r.session_id')
    .select([
      'r.id as requestId',
      'r.measure',
      'a.score',
      'a.band',
      's.title as sessionTitle',
      's.starts_at as startsAt',
      'a.answered_at as answeredAt',
    ])
    .where('a.member_id', '=', memberId)
    .where('s.group_id', '=', groupId)
    .orderBy('a.answered_at')
    .orderBy('a.request_id')
    .execute()
  return Promise.all(
    rows.map(async ({ requestId, score, band, ...own }) => ({
      ...own,
      measure: own.measure as MeasureId,
      ...(await openResult(keys, groupId, { requestId, memberId }, { score, band })),
    })),
  )
}

/** The same, as a Markdown page for the member's archive (null when there is nothing). */
export async function ownHistoryMarkdown(
  services: Services,
  memberId: string,
  groupId: string,
): Promise<string | null> {
  const data = await services.data()
  const checkins = await ownCheckins(data, services.keys, memberId, groupId)
  const measures = await ownMeasures(data, services.keys, memberId, groupId)
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
