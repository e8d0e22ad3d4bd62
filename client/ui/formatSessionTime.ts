export interface FormatOptions {
  /** The zone to show the time in; the viewer's own when absent. */
  timeZone?: string
  /** Name the zone ("GMT+1"), for a facilitator scheduling across zones. */
  showZone?: boolean
  locale?: string
}

/** "Tuesday 1 December 2026, 18:00–19:30": when a session starts and ends, in one phrase. */
export function formatSessionTime(
  startsAt: number,
  durationMinutes: number,
  { timeZone, showZone = false, locale }: FormatOptions = {},
): string {
  const format = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
    ...(showZone ? { timeZoneName: 'short' } : {}),
  })
  return format.formatRange(new Date(startsAt), new Date(startsAt + durationMinutes * 60_000))
}

/** "Tuesday 1 December 2026 at 18:00": when something starts. */
export function formatSessionStart(startsAt: number, { timeZone, locale }: FormatOptions = {}) {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'full',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(startsAt))
}

/** "1 Dec 2026, 18:05": a moment in a list or a table. */
export function formatMoment(at: number, { timeZone, locale }: FormatOptions = {}): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(at))
}
