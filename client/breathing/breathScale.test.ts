import { describe, expect, it } from 'vitest'
import { BREATHING_PATTERNS, phaseAt } from '../../shared/breathing/patterns.ts'
import { breathLabel, breathScale, phaseName } from './breathScale.ts'

const box = BREATHING_PATTERNS.box
const at = (ms: number) => phaseAt(box, 2, ms)

describe('the guide’s circle and words', () => {
  it('grows on the way in, stays full, shrinks on the way out, stays small', () => {
    expect(breathScale(at(-500))).toBe(0.5)
    expect(breathScale(at(0))).toBe(0.5)
    expect(breathScale(at(2000))).toBeCloseTo(0.75)
    expect(breathScale(at(3999))).toBeCloseTo(1, 3)
    expect(breathScale(at(6000))).toBe(1)
    expect(breathScale(at(10_000))).toBeCloseTo(0.75)
    expect(breathScale(at(14_000))).toBe(0.5)
  })

  it('never jumps from one frame to the next', () => {
    for (let ms = 0; ms < 32_000; ms += 16) {
      expect(Math.abs(breathScale(at(ms + 16)) - breathScale(at(ms)))).toBeLessThan(0.01)
    }
  })

  it('says what to do', () => {
    expect([0, 4000, 8000, 12_000].map((ms) => breathLabel(at(ms)))).toEqual([
      'Breathe in',
      'Hold',
      'Breathe out',
      'Hold',
    ])
    expect(breathLabel(at(-1))).toBe('Get ready')
    expect(phaseName(at(12_000))).toBe('rest')
    expect(phaseName(at(40_000))).toBe('done')
  })
})
