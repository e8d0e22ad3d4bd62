import { describe, expect, it } from 'vitest'
import {
  BREATHING_PATTERNS,
  breathingRequest,
  exerciseMs,
  phaseAt,
  roundMs,
  type BreathingMoment,
} from './patterns.ts'

const { box, '4-7-8': fourSevenEight } = BREATHING_PATTERNS
const phaseOf = (moment: BreathingMoment) =>
  moment.kind === 'breathing' ? moment.phase : moment.kind

describe('phaseAt', () => {
  it('counts down the lead-in in whole seconds', () => {
    expect(phaseAt(box, 4, -3000)).toEqual({ kind: 'lead-in', secondsLeft: 3 })
    expect(phaseAt(box, 4, -2001)).toEqual({ kind: 'lead-in', secondsLeft: 3 })
    expect(phaseAt(box, 4, -1)).toEqual({ kind: 'lead-in', secondsLeft: 1 })
  })

  it('walks box breathing through in, hold, out and rest, four seconds each', () => {
    expect(phaseAt(box, 4, 0)).toEqual({
      kind: 'breathing',
      phase: 'in',
      secondsLeft: 4,
      progress: 0,
      round: 1,
    })
    expect(phaseAt(box, 4, 1000)).toMatchObject({ phase: 'in', secondsLeft: 3, progress: 0.25 })
    expect(phaseAt(box, 4, 3999)).toMatchObject({ phase: 'in', secondsLeft: 1 })
    expect(phaseOf(phaseAt(box, 4, 4000))).toBe('hold')
    expect(phaseOf(phaseAt(box, 4, 8000))).toBe('out')
    expect(phaseOf(phaseAt(box, 4, 12_000))).toBe('rest')
    expect(phaseAt(box, 4, 16_000)).toMatchObject({ phase: 'in', round: 2, secondsLeft: 4 })
  })

  it('holds for seven and breathes out for eight in 4-7-8', () => {
    expect(roundMs(fourSevenEight)).toBe(19_000)
    expect(phaseAt(fourSevenEight, 2, 10_999)).toMatchObject({ phase: 'hold', secondsLeft: 1 })
    expect(phaseAt(fourSevenEight, 2, 11_000)).toMatchObject({ phase: 'out', secondsLeft: 8 })
    expect(phaseAt(fourSevenEight, 2, 19_000)).toMatchObject({ phase: 'in', round: 2 })
  })

  it('is done after the last round, and only then', () => {
    expect(exerciseMs(box, 3)).toBe(48_000)
    expect(phaseAt(box, 3, 47_999)).toMatchObject({ phase: 'rest', round: 3, secondsLeft: 1 })
    expect(phaseAt(box, 3, 48_000)).toEqual({ kind: 'done' })
  })

  it('gives progress from 0 to under 1 across every phase of every pattern', () => {
    for (const pattern of Object.values(BREATHING_PATTERNS)) {
      for (let ms = 0; ms < exerciseMs(pattern, 2); ms += 250) {
        const moment = phaseAt(pattern, 2, ms)
        if (moment.kind !== 'breathing')
          throw new Error(`${pattern.label} at ${ms}: ${moment.kind}`)
        expect(moment.progress).toBeGreaterThanOrEqual(0)
        expect(moment.progress).toBeLessThan(1)
        expect(moment.secondsLeft).toBeGreaterThanOrEqual(1)
      }
    }
  })
})

describe('breathingRequest', () => {
  it('takes a known pattern and a bounded number of rounds, nothing else', () => {
    expect(breathingRequest.safeParse({ pattern: 'box' }).success).toBe(true)
    expect(breathingRequest.safeParse({ pattern: '4-7-8', rounds: 20 }).success).toBe(true)
    expect(breathingRequest.safeParse({ pattern: 'panting' }).success).toBe(false)
    expect(breathingRequest.safeParse({ pattern: 'box', rounds: 0 }).success).toBe(false)
    expect(breathingRequest.safeParse({ pattern: 'box', rounds: 21 }).success).toBe(false)
    expect(breathingRequest.safeParse({ pattern: 'box', rounds: 2.5 }).success).toBe(false)
    expect(breathingRequest.safeParse({ pattern: 'box', startsAt: 0 }).success).toBe(false)
  })
})
