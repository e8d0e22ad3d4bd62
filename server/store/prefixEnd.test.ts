import { describe, expect, it } from 'vitest'
import { prefixEnd } from './prefixEnd.ts'

describe('prefixEnd', () => {
  it('is the prefix with its last character moved one on', () => {
    expect(prefixEnd('g/a/')).toBe('g/a0')
    expect(prefixEnd('a%')).toBe('a&')
    expect(prefixEnd('a\uFFFF')).toBe('a\u{10000}')
    expect(prefixEnd('a\u{1F331}')).toBe('a\u{1F332}')
  })

  it('skips the surrogates and carries past the last code point', () => {
    expect(prefixEnd('a\uD7FF')).toBe('a\uE000')
    expect(prefixEnd('ab\u{10FFFF}\u{10FFFF}')).toBe('ac')
  })

  it('bounds nothing for the empty prefix, or one of last code points only', () => {
    expect(prefixEnd('')).toBeNull()
    expect(prefixEnd('\u{10FFFF}')).toBeNull()
  })
})
