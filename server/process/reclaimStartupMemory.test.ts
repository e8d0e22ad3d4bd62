import { getHeapSpaceStatistics } from 'node:v8'
import { describe, expect, it } from 'vitest'
import { reclaimStartupMemory } from './reclaimStartupMemory.ts'

const youngGeneration = () =>
  getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_size

describe('reclaimStartupMemory', () => {
  it('shrinks the young generation that loading grew, and leaves no gc exposed', () => {
    // Like module loading: fast allocation, much of it kept, which makes V8 grow the space.
    const kept: object[] = []
    for (let i = 0; i < 3_000_000; i++) {
      const o = { i, text: `item ${i}` }
      if (i % 2 === 0) kept.push(o)
    }
    const grown = youngGeneration()
    expect(kept.length).toBe(1_500_000)
    expect(reclaimStartupMemory()).toBeTypeOf('number')
    expect(youngGeneration()).toBeLessThan(grown)
    expect((globalThis as { gc?: unknown }).gc).toBeUndefined()
  })
})
