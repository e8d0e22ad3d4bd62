import { describe, expect, it } from 'vitest'
import {
  formatClock,
  formatMoment,
  formatSessionStart,
  formatSessionTime,
} from './formatSessionTime.ts'

const start = Date.UTC(2026, 11, 1, 17, 0) // 18:00 in Berlin

describe('formatSessionTime', () => {
  it('gives the day, the date and both ends of the session', () => {
    const text = formatSessionTime(start, 90, { timeZone: 'Europe/Berlin', locale: 'en-GB' })
    expect(text).toContain('Tuesday')
    expect(text).toContain('1 December 2026')
    expect(text).toMatch(/18:00\s*–\s*19:30/)
  })

  it('shows the time in the zone it is given', () => {
    const text = formatSessionTime(start, 60, { timeZone: 'UTC', locale: 'en-GB' })
    expect(text).toMatch(/17:00\s*–\s*18:00/)
  })

  it('names the zone, unless asked not to', () => {
    const text = formatSessionTime(start, 60, { timeZone: 'Europe/Berlin', locale: 'en-GB' })
    expect(text).toMatch(/CET|GMT\+1/)
    const bare = formatSessionTime(start, 60, {
      timeZone: 'Europe/Berlin',
      showZone: false,
      locale: 'en-GB',
    })
    expect(bare).not.toMatch(/CET|GMT/)
  })
})

describe('formatMoment', () => {
  it('is short', () => {
    expect(formatMoment(start, { timeZone: 'UTC', locale: 'en-GB' })).toBe('1 Dec 2026, 17:00')
  })
})

describe('formatSessionStart', () => {
  it('gives the full date and the time', () => {
    const text = formatSessionStart(start, { timeZone: 'Europe/Berlin', locale: 'en-GB' })
    expect(text).toContain('Tuesday')
    expect(text).toContain('1 December 2026')
    expect(text).toContain('18:00')
    expect(text).toMatch(/CET|GMT\+1/)
  })
})

describe('formatClock', () => {
  it('gives the hour and minute', () => {
    expect(formatClock(start, { timeZone: 'UTC', locale: 'en-GB' })).toBe('17:00')
  })
})
