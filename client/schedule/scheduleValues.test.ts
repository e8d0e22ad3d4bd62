import { describe, expect, it } from 'vitest'
import { scheduleSessionRequest } from '../../shared/api/schemas.ts'
import { validateForm } from '../ui/validateForm.ts'
import { initialSchedule, SCHEDULE_MESSAGES, scheduleRequestFrom } from './scheduleValues.ts'

const base = { ...initialSchedule(new Date(2026, 10, 24, 9, 30), 'Europe/Berlin'), title: 'Week 1' }

describe('schedule values', () => {
  it('start a week ahead at 18:00 in the given zone', () => {
    expect(initialSchedule(new Date(2026, 10, 24, 9, 30), 'Europe/Berlin')).toMatchObject({
      date: '2026-12-01',
      time: '18:00',
      timeZone: 'Europe/Berlin',
      durationMinutes: '90',
      repeat: 'once',
    })
  })

  it('make a one-off request the server accepts', () => {
    const result = validateForm(
      scheduleSessionRequest,
      scheduleRequestFrom(base),
      SCHEDULE_MESSAGES,
    )
    expect(result).toEqual({
      ok: true,
      data: {
        title: 'Week 1',
        startsAtLocal: '2026-12-01T18:00',
        timeZone: 'Europe/Berlin',
        durationMinutes: 90,
      },
    })
  })

  it('ask for weekly occurrences only when repeating', () => {
    const weekly = scheduleRequestFrom({ ...base, repeat: 'weekly', weeks: '10' })
    expect(weekly.weeklyOccurrences).toBe(10)
    expect('weeklyOccurrences' in scheduleRequestFrom(base)).toBe(false)
  })

  it('name a missing date or time, and a bad number of weeks', () => {
    const result = validateForm(
      scheduleSessionRequest,
      scheduleRequestFrom({ ...base, time: '', repeat: 'weekly', weeks: '60' }),
      SCHEDULE_MESSAGES,
    )
    expect(result).toMatchObject({
      ok: false,
      errors: {
        startsAtLocal: SCHEDULE_MESSAGES.startsAtLocal,
        weeklyOccurrences: SCHEDULE_MESSAGES.weeklyOccurrences,
      },
      first: 'startsAtLocal',
    })
  })
})
