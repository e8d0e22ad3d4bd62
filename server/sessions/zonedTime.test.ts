import { describe, expect, it } from 'vitest'
import { isTimeZone, zonedToEpoch } from './zonedTime.ts'

describe('zonedToEpoch', () => {
  it('converts wall-clock time in a zone', () => {
    expect(new Date(zonedToEpoch('2026-12-01T18:00', 'Europe/Berlin')).toISOString()).toBe(
      '2026-12-01T17:00:00.000Z',
    )
    expect(new Date(zonedToEpoch('2026-07-01T18:00', 'Europe/Berlin')).toISOString()).toBe(
      '2026-07-01T16:00:00.000Z',
    )
    expect(new Date(zonedToEpoch('2026-12-01T18:00', 'UTC')).toISOString()).toBe(
      '2026-12-01T18:00:00.000Z',
    )
  })

  it('keeps the local time of a weekly session across a daylight-saving change', () => {
    // New York moves from EDT (UTC-4) to EST (UTC-5) on 2026-11-01.
    const before = zonedToEpoch('2026-10-27T19:00', 'America/New_York')
    const after = zonedToEpoch('2026-10-27T19:00', 'America/New_York', 7)
    expect(new Date(before).toISOString()).toBe('2026-10-27T23:00:00.000Z')
    expect(new Date(after).toISOString()).toBe('2026-11-04T00:00:00.000Z')
  })

  it('knows real time zones', () => {
    expect(isTimeZone('Europe/Lisbon')).toBe(true)
    expect(isTimeZone('Mars/Olympus')).toBe(false)
  })
})
