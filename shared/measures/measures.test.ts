import { describe, expect, it } from 'vitest'
import { InvalidAnswers, MEASURES, scoreMeasure, type MeasureId } from './measures.ts'

/** Answers adding up to `total` (filled from the first item), with item 9 left at 0 if it can be. */
function answersFor(id: MeasureId, total: number, { lastItem = 0 } = {}): number[] {
  const count = MEASURES[id].items.length
  const answers = Array<number>(count).fill(0)
  answers[count - 1] = lastItem
  let left = total - lastItem
  for (let i = 0; i < count - 1 && left > 0; i++) {
    answers[i] = Math.min(3, left)
    left -= answers[i]!
  }
  if (left > 0) answers[count - 1]! += left
  return answers
}

/** Every band boundary of each measure, as published: [total, band]. */
const PUBLISHED: Record<MeasureId, [number, string][]> = {
  // Kroenke et al. 2001
  phq9: [
    [0, 'Minimal'],
    [4, 'Minimal'],
    [5, 'Mild'],
    [9, 'Mild'],
    [10, 'Moderate'],
    [14, 'Moderate'],
    [15, 'Moderately severe'],
    [19, 'Moderately severe'],
    [20, 'Severe'],
    [27, 'Severe'],
  ],
  // Spitzer et al. 2006
  gad7: [
    [0, 'Minimal'],
    [4, 'Minimal'],
    [5, 'Mild'],
    [9, 'Mild'],
    [10, 'Moderate'],
    [14, 'Moderate'],
    [15, 'Severe'],
    [21, 'Severe'],
  ],
}

for (const id of ['phq9', 'gad7'] as const) {
  describe(`${MEASURES[id].name}, scored as published`, () => {
    for (const [total, band] of PUBLISHED[id]) {
      it(`${total} is ${band}`, () => {
        expect(scoreMeasure(id, answersFor(id, total))).toMatchObject({ total, band })
      })
    }
  })
}

describe('PHQ-9 item 9', () => {
  it('above "Not at all" is positive, whatever the total; the GAD-7 has none', () => {
    expect(scoreMeasure('phq9', answersFor('phq9', 1, { lastItem: 1 }))).toEqual({
      total: 1,
      band: 'Minimal',
      selfHarmPositive: true,
    })
    expect(scoreMeasure('phq9', answersFor('phq9', 24)).selfHarmPositive).toBe(false)
    expect(scoreMeasure('phq9', answersFor('phq9', 27)).selfHarmPositive).toBe(true)
    expect(scoreMeasure('gad7', answersFor('gad7', 21)).selfHarmPositive).toBe(false)
  })
})

describe('answers that are not a complete measure', () => {
  it('are refused, not scored', () => {
    for (const answers of [
      [0, 1, 2],
      [...Array(8).fill(0), 4],
      [...Array(8).fill(0), -1],
      [...Array(8).fill(0), 1.5],
      [...Array(8).fill(0), '3'],
      [...Array(8).fill(0), null],
    ]) {
      expect(() => scoreMeasure('phq9', answers)).toThrow(InvalidAnswers)
    }
    expect(() => scoreMeasure('gad7', Array(9).fill(0))).toThrow(/7 questions/)
  })
})
