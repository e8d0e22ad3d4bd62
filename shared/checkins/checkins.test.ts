import { describe, expect, it } from 'vitest'
import { aggregateOf, answerFits, checkinAnswerRequest, checkinWord } from './checkins.ts'

describe('check-ins', () => {
  it('folds words so that the same word counts once, and refuses what is not a word or two', () => {
    expect(checkinWord.parse('  Tired ')).toBe('tired')
    expect(checkinWord.parse('Quite   OK')).toBe('quite ok')
    expect(checkinWord.safeParse('').success).toBe(false)
    expect(checkinWord.safeParse('   ').success).toBe(false)
    expect(checkinWord.safeParse('a b c d').success).toBe(false)
    expect(checkinWord.safeParse('x'.repeat(31)).success).toBe(false)
    expect(checkinWord.safeParse('ok\u202e').success).toBe(false)
  })

  it('takes a mood of 0 to 10 in whole steps, and nothing else', () => {
    expect(checkinAnswerRequest.safeParse({ mood: 0 }).success).toBe(true)
    expect(checkinAnswerRequest.safeParse({ mood: 10 }).success).toBe(true)
    expect(checkinAnswerRequest.safeParse({ mood: 11 }).success).toBe(false)
    expect(checkinAnswerRequest.safeParse({ mood: 4.5 }).success).toBe(false)
    expect(checkinAnswerRequest.safeParse({ mood: 3, name: 'x' }).success).toBe(false)
  })

  it('asks for exactly the parts the check-in asked for', () => {
    expect(answerFits('mood', { mood: 3 })).toBe(true)
    expect(answerFits('mood', { mood: 3, word: 'ok' })).toBe(false)
    expect(answerFits('word', { word: 'ok' })).toBe(true)
    expect(answerFits('both', { word: 'ok' })).toBe(false)
    expect(answerFits('both', { mood: 0, word: 'ok' })).toBe(true)
  })

  it('aggregates into counts, words by frequency and then alphabetically, never in arrival order', () => {
    const aggregate = aggregateOf([
      { mood: 7, word: 'tired' },
      { mood: 2, word: 'calm' },
      { mood: 7, word: 'tired' },
      { mood: null, word: 'anxious' },
    ])
    expect(aggregate.moods).toEqual([0, 0, 1, 0, 0, 0, 0, 2, 0, 0, 0])
    expect(aggregate.words).toEqual([
      ['tired', 2],
      ['anxious', 1],
      ['calm', 1],
    ])
  })
})
