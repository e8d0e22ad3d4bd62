/**
 * Wall-clock time in a named time zone → epoch milliseconds, without a date library. Weekly
 * sessions keep their local time across daylight-saving changes because each occurrence is
 * converted from its own local date.
 */
function offsetAt(epochMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(epochMs))
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value)
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  )
  return asUtc - Math.floor(epochMs / 1000) * 1000
}

export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
    return true
  } catch {
    return false
  }
}

/** `2026-12-01T18:00` in `timeZone`, plus `addDays` local days, as epoch milliseconds. */
export function zonedToEpoch(local: string, timeZone: string, addDays = 0): number {
  const [date, time] = local.split('T') as [string, string]
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const [hh, mm] = time.split(':').map(Number) as [number, number]
  const guess = Date.UTC(y, m - 1, d + addDays, hh, mm)
  // Two passes settle the offset on either side of a daylight-saving change.
  let epoch = guess - offsetAt(guess, timeZone)
  epoch = guess - offsetAt(epoch, timeZone)
  return epoch
}
