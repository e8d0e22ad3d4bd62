import { describe, expect, it } from 'vitest'
import { PASSPHRASE_WORDS } from './passphraseWords.ts'
import { randomBelow, suggestPassphrase, type RandomFill } from './suggestPassphrase.ts'

/** A fill that hands out the given values in turn. */
const sequence = (...values: number[]): RandomFill => {
  let i = 0
  return (array) => {
    array[0] = values[i++ % values.length]!
    return array
  }
}

describe('suggestPassphrase', () => {
  it('makes four words from the list, joined by hyphens, long enough for the policy', () => {
    for (let i = 0; i < 200; i++) {
      const phrase = suggestPassphrase()
      const words = phrase.split('-')
      expect(words).toHaveLength(4)
      for (const word of words) expect(PASSPHRASE_WORDS).toContain(word)
      expect(phrase.length).toBeGreaterThanOrEqual(12)
    }
  })

  it('uses the random source it is given', () => {
    expect(suggestPassphrase(sequence(0, 1, 2, 3), ['a', 'b', 'c', 'd'])).toBe('a-b-c-d')
  })

  it('does not repeat itself', () => {
    const seen = new Set(Array.from({ length: 100 }, () => suggestPassphrase()))
    expect(seen.size).toBe(100)
  })
})

describe('randomBelow', () => {
  it('draws again rather than favour small numbers', () => {
    // 2^32 % 3 === 1, so 2^32 - 1 is the one value that would bias the result; it is skipped.
    expect(randomBelow(3, sequence(2 ** 32 - 1, 5))).toBe(2)
  })
})

describe('the word list', () => {
  it('holds distinct, plain lower-case words', () => {
    expect(new Set(PASSPHRASE_WORDS).size).toBe(PASSPHRASE_WORDS.length)
    expect(PASSPHRASE_WORDS.length).toBeGreaterThanOrEqual(400)
    for (const word of PASSPHRASE_WORDS) expect(word).toMatch(/^[a-z]{3,10}$/)
  })
})
