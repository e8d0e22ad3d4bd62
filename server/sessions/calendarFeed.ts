import type { Data } from '../data/Data.ts'

const stamp = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')

/**
 * A member's `.ics` feed. Events are deliberately neutral ("Hearth session"): a calendar is
 * often shared or synced to work devices, and the group's theme is health information.
 */
export async function calendarFeed(
  data: Data,
  groupId: string,
  publicOrigin: string,
  now: number,
): Promise<string> {
  const sessions = await data
    .selectFrom('sessions')
    .select(['id', 'starts_at', 'duration_minutes'])
    .where('group_id', '=', groupId)
    .where('status', '!=', 'cancelled')
    .where('starts_at', '>', now - 30 * 86_400_000)
    .orderBy('starts_at')
    .orderBy('id')
    .execute()
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Hearth//Sessions//EN',
    'CALSCALE:GREGORIAN',
    'X-WR-CALNAME:Hearth',
  ]
  for (const s of sessions) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${s.id}@hearth`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART:${stamp(s.starts_at)}`,
      `DTEND:${stamp(s.starts_at + s.duration_minutes * 60_000)}`,
      'SUMMARY:Hearth session',
      `URL:${publicOrigin}/session/${s.id}`,
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return lines.join('\r\n') + '\r\n'
}
