import { describe, expect, it } from 'vitest'
import { manualClock } from '../clock/clock.ts'
import { localRates } from './localRates.ts'

const RATE = { perSecond: 0.5, burst: 1 }

describe('localRates', () => {
  it('forgets the least recently seen key of a kind past its cap (memory stays bounded)', async () => {
    const rates = localRates(manualClock(0), 2)
    expect(await rates.take('k', 'a', RATE)).toBe(true)
    expect(await rates.take('k', 'b', RATE)).toBe(true)
    expect(await rates.take('k', 'a', RATE)).toBe(false) // a is now the most recent
    expect(await rates.take('k', 'c', RATE)).toBe(true) // b forgotten
    expect(await rates.take('k', 'a', RATE)).toBe(false)
    expect(await rates.take('k', 'b', RATE)).toBe(true) // a fresh bucket
    // Each kind has a cap of its own.
    expect(await rates.take('other', 'x', RATE)).toBe(true)
    expect(await rates.take('k', 'b', RATE)).toBe(false)
  })
})
