export interface FormatOptions {
  /** The zone to show the time in; the viewer's own when absent. */
  timeZone?: string
  /**
   * Name the zone ("CET", "GMT+1"): on by default, so nobody in another zone (or travelling)
   * mistakes the hour.
   */
  showZone?: boolean
  locale?: string
}

/** The day, the date and the time of day, in full. */
const DAY_AND_TIME = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
} as const

/** "Tuesday 1 December 2026, 18:00–19:30 CET": when a session starts and ends, in one phrase. */
export function formatSessionTime(
  startsAt: number,
  durationMinutes: number,
  { timeZone, showZone = true, locale }: FormatOptions = {},
): string {
  const format = new Intl.DateTimeFormat(locale, {
    ...DAY_AND_TIME,
    ...(timeZone ? { timeZone } : {}),
    ...(showZone ? { timeZoneName: 'short' } : {}),
  })
  return format.formatRange(new Date(startsAt), new Date(startsAt + durationMinutes * 60_000))
}

/** "Tuesday 1 December 2026 at 18:00 CET": when something starts. */
export function formatSessionStart(startsAt: number, { timeZone, locale }: FormatOptions = {}) {
  return new Intl.DateTimeFormat(locale, {
    ...DAY_AND_TIME,
    timeZoneName: 'short',
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

/** "18:05": the hour of something that happened today (a signal, a message). */
export function formatClock(at: number, { timeZone, locale }: FormatOptions = {}): string {
  return new Date(at).toLocaleTimeString(locale ?? [], {
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  })
}
