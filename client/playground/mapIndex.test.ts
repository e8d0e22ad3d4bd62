import { describe, expect, it } from 'vitest'
import { mapIndex } from './mapIndex.ts'

describe('mapIndex', () => {
  it('moves an index right past text inserted before it', () => {
    expect(mapIndex([{ retain: 2 }, { insert: 'abc' }], 5)).toBe(8)
  })

  it('keeps an index in place when text is inserted after it', () => {
    expect(mapIndex([{ retain: 6 }, { insert: 'abc' }], 5)).toBe(5)
  })

  it('keeps an index before text inserted exactly at it', () => {
    expect(mapIndex([{ retain: 5 }, { insert: 'abc' }], 5)).toBe(5)
    expect(mapIndex([{ insert: 'abc' }], 0)).toBe(0)
  })

  it('moves an index left past text deleted before it', () => {
    expect(mapIndex([{ retain: 1 }, { delete: 2 }], 5)).toBe(3)
  })

  it('collapses an index inside deleted text to the start of the deletion', () => {
    expect(mapIndex([{ retain: 2 }, { delete: 6 }], 5)).toBe(2)
  })

  it('follows several operations in order', () => {
    // "hello world" → "HI hello" : insert "HI " at 0, delete " world".
    const delta = [{ insert: 'HI ' }, { retain: 5 }, { delete: 6 }]
    expect(mapIndex(delta, 0)).toBe(0)
    expect(mapIndex(delta, 5)).toBe(8)
    expect(mapIndex(delta, 11)).toBe(8)
  })

  it('counts an embed as one position', () => {
    expect(mapIndex([{ insert: { image: 'x' } }], 3)).toBe(4)
  })
})
