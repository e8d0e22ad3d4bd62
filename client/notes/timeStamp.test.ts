import { describe, expect, it } from 'vitest'
import { timeStamp } from './timeStamp.ts'

describe('timeStamp', () => {
  it('stamps hours and minutes, padded', () => {
    expect(timeStamp(new Date(2026, 0, 5, 8, 4))).toBe('[08:04] ')
  })
})
