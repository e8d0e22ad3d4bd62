import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AwarenessEntry } from './parseFrame.ts'
import { PresenceThrottle } from './PresenceThrottle.ts'

const state = (clock: number): AwarenessEntry[] => [{ clientId: 7, clock, json: `{"c":${clock}}` }]

describe('PresenceThrottle', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('relays within the rate, then keeps only the latest state until the rate allows', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    const delivered: number[] = []
    const throttle = new PresenceThrottle({ perSecond: 10, burst: 3 }, (entries) =>
      delivered.push(entries[0]!.clock),
    )
    for (let clock = 1; clock <= 8; clock++) throttle.offer(state(clock))
    // The burst goes at once; of the five over it, only the last is kept.
    expect(delivered).toEqual([1, 2, 3])
    await vi.advanceTimersByTimeAsync(100)
    expect(delivered).toEqual([1, 2, 3, 8])
    // Nothing else waits: no more deliveries.
    await vi.advanceTimersByTimeAsync(1_000)
    expect(delivered).toEqual([1, 2, 3, 8])
    throttle.stop()
  })

  it('admits ten times the rate (echoes included) before calling the sender a flood', () => {
    vi.useFakeTimers({ toFake: ['performance'] })
    const throttle = new PresenceThrottle({ perSecond: 30, burst: 90 }, () => {})
    let admitted = 0
    while (throttle.admit()) admitted++
    expect(admitted).toBe(900)
  })

  it('drops what waits once stopped', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    const delivered: number[] = []
    const throttle = new PresenceThrottle({ perSecond: 10, burst: 1 }, (entries) =>
      delivered.push(entries[0]!.clock),
    )
    throttle.offer(state(1))
    throttle.offer(state(2))
    throttle.stop()
    await vi.advanceTimersByTimeAsync(500)
    expect(delivered).toEqual([1])
  })
})
