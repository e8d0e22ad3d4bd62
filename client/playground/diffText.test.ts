import * as prng from 'lib0/prng'
import { describe, expect, it } from 'vitest'
import { applySplice, diffText } from './diffText.ts'

describe('diffText', () => {
  it('finds a single insertion', () => {
    expect(diffText('hello world', 'hello, world')).toEqual({ index: 5, remove: 0, insert: ',' })
  })

  it('finds a single deletion', () => {
    expect(diffText('hello, world', 'hello world')).toEqual({ index: 5, remove: 1, insert: '' })
  })

  it('finds a replacement of a selection', () => {
    expect(diffText('the cat sat', 'the dog sat')).toEqual({ index: 4, remove: 3, insert: 'dog' })
  })

  it('returns an empty splice for equal texts', () => {
    expect(diffText('same', 'same')).toEqual({ index: 4, remove: 0, insert: '' })
  })

  it('handles empty texts on either side', () => {
    expect(diffText('', 'new')).toEqual({ index: 0, remove: 0, insert: 'new' })
    expect(diffText('old', '')).toEqual({ index: 0, remove: 3, insert: '' })
  })

  it('places an ambiguous insertion at the caret', () => {
    // "a" typed at the start of "aa": the caret is after the new "a", at 1.
    expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' })
    expect(diffText('aa', 'aaa', 2)).toEqual({ index: 1, remove: 0, insert: 'a' })
    expect(diffText('aa', 'aaa', 3)).toEqual({ index: 2, remove: 0, insert: 'a' })
    expect(diffText('aa', 'aaa')).toEqual({ index: 2, remove: 0, insert: 'a' })
  })

  it('places an ambiguous deletion at the caret', () => {
    // Backspace after the first of three "a": the caret lands at 0.
    expect(diffText('aaa', 'aa', 0)).toEqual({ index: 0, remove: 1, insert: '' })
    expect(diffText('aaa', 'aa', 1)).toEqual({ index: 1, remove: 1, insert: '' })
  })

  it('places a repeated word pasted into a repeating text at the caret', () => {
    expect(diffText('abab', 'ababab', 2)).toEqual({ index: 0, remove: 0, insert: 'ab' })
  })

  it('never splits a surrogate pair', () => {
    // 😀 and 😃 share their high surrogate; the shared half stays inside the splice.
    expect(diffText('a😀b', 'a😃b')).toEqual({ index: 1, remove: 2, insert: '😃' })
    // 𝐀 (U+1D400) and 😀 (U+1F600) share their low surrogate.
    expect(diffText('x𝐀', 'x😀')).toEqual({ index: 1, remove: 2, insert: '😀' })
  })

  it('turns any text into any other (seeded)', () => {
    const seed = Number(process.env.SEED ?? Date.now() % 1_000_000)
    const gen = prng.create(seed)
    const alphabet = ['a', 'b', ' ', '\n', 'é', '😀', '👩‍👧']
    const randomText = () => {
      let s = ''
      const n = prng.int32(gen, 0, 12)
      for (let i = 0; i < n; i++) s += prng.oneOf(gen, alphabet)
      return s
    }
    for (let i = 0; i < 2000; i++) {
      const before = randomText()
      const after = randomText()
      const caret = prng.bool(gen) ? prng.int32(gen, 0, after.length) : undefined
      const splice = diffText(before, after, caret)
      const context = `seed ${seed}, case ${i}: ${JSON.stringify({ before, after, caret })}`
      expect(applySplice(before, splice), context).toBe(after)
      expect(splice.index + splice.remove, context).toBeLessThanOrEqual(before.length)
      expect(/[\uD800-\uDBFF]$/.test(before.slice(0, splice.index)), context).toBe(false)
      expect(/^[\uDC00-\uDFFF]/.test(before.slice(splice.index + splice.remove)), context).toBe(
        false,
      )
    }
  })
})
