import { describe, expect, it } from 'vitest'
import { TokenBucket } from './TokenBucket.ts'

describe('TokenBucket', () => {
  it('allows a burst, then the refill rate', () => {
    let now = 0
    const bucket = new TokenBucket({ perSecond: 10, burst: 3 }, () => now)
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ])
    now += 100
    expect(bucket.take()).toBe(true)
    expect(bucket.take()).toBe(false)
    now += 10_000
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ])
  })
})
