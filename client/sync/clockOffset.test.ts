import { describe, expect, it } from 'vitest'
import { clockOffset } from './clockOffset.ts'

describe('clockOffset', () => {
  it('takes the server to have read its clock half-way through the quickest round trip', () => {
    const samples = [
      { sent: 100, received: 400, server: 5_000_250 },
      { sent: 500, received: 540, server: 5_000_520 },
      { sent: 600, received: 900, server: 5_000_700 },
    ]
    // Quickest: 40 ms there and back, the server at 5 000 520 when the page was at 520.
    expect(clockOffset(samples)).toBe(5_000_520 - 520)
  })

  it('has nothing to say without a sample, and ignores one that went back in time', () => {
    expect(clockOffset([])).toBeNull()
    expect(clockOffset([{ sent: 10, received: 5, server: 1 }])).toBeNull()
  })
})
