import { describe, expect, it } from 'vitest'
import { checkAnswer, forTheGroup, normaliseWord, tally, type ResponseSpec } from './responses.ts'

const choice: ResponseSpec = { kind: 'choice', options: ['Often', 'Sometimes', 'Rarely'] }
const scale: ResponseSpec = { kind: 'scale', min: 0, max: 10, minLabel: 'Calm', maxLabel: 'Very' }

describe('response slides', () => {
  it('accept only answers the question allows', () => {
    expect(checkAnswer(choice, 2)).toBe('2')
    for (const bad of [3, -1, 1.5, '1', null]) expect(checkAnswer(choice, bad)).toBeNull()
    expect(checkAnswer(scale, 0)).toBe('0')
    expect(checkAnswer(scale, 11)).toBeNull()
    expect(checkAnswer({ kind: 'word' }, '  Tired   Out ')).toBe('tired out')
    for (const bad of ['', '<b>x</b>', 'http://x.example', 'a'.repeat(31), 3]) {
      expect(checkAnswer({ kind: 'word' }, bad)).toBeNull()
    }
    expect(normaliseWord('Überwältigt')).toBe('überwältigt')
  })

  it('count answers, and show the group nothing that points at one person', () => {
    expect(tally(choice, ['0', '2', '2', '1', '2'])).toEqual({ count: 5, counts: [1, 1, 3] })
    expect(tally(scale, ['0', '10', '10']).counts).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2])
    expect(forTheGroup(tally(choice, ['0', '1']))).toBeNull()
    expect(forTheGroup(tally(choice, ['0', '1', '1']))).toEqual({ count: 3, counts: [1, 2, 0] })
    const words = tally({ kind: 'word' }, ['tired', 'hopeful', 'tired', 'my sister'])
    expect(words.words).toEqual([
      { word: 'tired', count: 2 },
      { word: 'hopeful', count: 1 },
      { word: 'my sister', count: 1 },
    ])
    expect(forTheGroup(words)).toEqual({ count: 4, words: [{ word: 'tired', count: 2 }] })
  })
})
