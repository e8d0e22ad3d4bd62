import type { Db } from '../db/openDatabase.ts'

const stamp = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')

/**
 * A member's `.ics` feed. Events are deliberately neutral ("Hearth session"): a calendar is
 * often shared or synced to work devices, and the group's theme is health information.
 */
export function calendarFeed(db: Db, groupId: string, publicOrigin: string, now: number): string {
  const sessions = db.sql
    .prepare(
      `SELECT id, starts_at, duration_minutes, status FROM sessions
       WHERE group_id = ? AND status != 'cancelled' AND starts_at > ? ORDER BY starts_at`,
    )
    .all(groupId, now - 30 * 86_400_000) as {
    id: string
    starts_at: number
    duration_minutes: number
  }[]
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
