import type { z } from 'zod'
import type { scheduleSessionRequest } from '../../shared/api/schemas.ts'
import { audit, type AuditEntry } from '../audit/audit.ts'
import { atomically, type Data } from '../data/Data.ts'
import { newId } from '../db/newId.ts'
import { zonedToEpoch } from './zonedTime.ts'

/**
 * Schedules one session, or a weekly series of them (the same local time each week, whatever
 * the clocks do), with one entry in the trail; returns the sessions' ids in order.
 */
export async function scheduleSessions(
  data: Data,
  groupId: string,
  body: z.infer<typeof scheduleSessionRequest>,
  actor: AuditEntry['actor'],
  now: number,
): Promise<string[]> {
  const count = body.weeklyOccurrences ?? 1
  const seriesId = body.weeklyOccurrences ? newId('series') : null
  return atomically(data, async (trx) => {
    if (seriesId) {
      await trx
        .insertInto('session_series')
        .values({
          id: seriesId,
          group_id: groupId,
          title: body.title,
          time_zone: body.timeZone,
          local_start: body.startsAtLocal,
          duration_minutes: body.durationMinutes,
          occurrences: count,
        })
        .execute()
    }
    const created: string[] = []
    for (let week = 0; week < count; week++) {
      const id = newId('session')
      await trx
        .insertInto('sessions')
        .values({
          id,
          group_id: groupId,
          series_id: seriesId,
          title: body.title,
          starts_at: zonedToEpoch(body.startsAtLocal, body.timeZone, week * 7),
          duration_minutes: body.durationMinutes,
          time_zone: body.timeZone,
          status: 'scheduled',
        })
        .execute()
      created.push(id)
    }
    await audit(
      trx,
      { actor, action: 'session.scheduled', groupId, detail: { count, series: seriesId } },
      now,
    )
    return created
  })
}
