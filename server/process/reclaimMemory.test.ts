import { getHeapSpaceStatistics } from 'node:v8'
import { describe, expect, it } from 'vitest'
import { createLogger } from '../log/logger.ts'
import { reclaimMemory, reclaimWhenQuiet } from './reclaimMemory.ts'

const youngGeneration = () =>
  getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_size

describe('reclaimMemory', () => {
  it('shrinks the young generation that loading grew, and leaves no gc exposed', () => {
    // Like module loading: fast allocation, much of it kept, which makes V8 grow the space.
    const kept: object[] = []
    for (let i = 0; i < 3_000_000; i++) {
      const o = { i, text: `item ${i}` }
      if (i % 2 === 0) kept.push(o)
    }
    const grown = youngGeneration()
    expect(kept.length).toBe(1_500_000)
    expect(reclaimMemory()).toBeTypeOf('number')
    expect(youngGeneration()).toBeLessThan(grown)
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined()
  })
})

describe('reclaimWhenQuiet', () => {
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

  it('reclaims once per quiet spell, never while frames keep coming', async () => {
    let frames = 0
    let reclaims = 0
    const stop = reclaimWhenQuiet({
      activity: () => frames,
      log: createLogger('silent'),
      checkMs: 10,
      quietChecks: 3,
      reclaim: () => (reclaims++, 1),
    })
    // Busy: a frame before every look.
    const busy = setInterval(() => frames++, 3)
    await wait(150)
    clearInterval(busy)
    expect(reclaims).toBe(0)
    // Quiet: one reclaim, however long it lasts.
    await wait(150)
    expect(reclaims).toBe(1)
    // Busy again, then quiet again: one more.
    frames++
    await wait(150)
    expect(reclaims).toBe(2)
    stop()
  })
})
