import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { KeyScope } from './keyRing.ts'
import type { Keys } from './Keys.ts'
import { open, seal, SealedDataRejected, sealText, openText } from './seal.ts'
import { chatText, imageData, worksheetContent } from './sealedColumns.ts'

/** A ring that hands out keys only when awaited, as the database ring does before a `key`. */
function awaitedOnly(): Keys {
  const keys = new Map<KeyScope, Uint8Array>()
  return {
    key: async (scope) => {
      if (!keys.has(scope)) keys.set(scope, randomBytes(32))
      return keys.get(scope)!
    },
    keyOf: () => {
      throw new Error('keyOf read where the key should have been awaited')
    },
    erased: async () => false,
    has: async (scope) => keys.has(scope),
    destroy: async (scope) => void keys.delete(scope),
    close: async () => {},
  }
}

describe('a sealed column', () => {
  it('seals and opens through an awaited key, the same as with the key in hand', async () => {
    const keys = awaitedOnly()
    const key = await keys.key('group:g1')
    const stored = await chatText.seal(keys, 'group:g1', 'm1', 'I could not sleep')
    expect(chatText.openWith(key, 'm1', stored)).toBe('I could not sleep')
    const byKey = chatText.sealWith(key, 'm1', 'I could not sleep')
    expect(await chatText.open(keys, 'group:g1', 'm1', byKey)).toBe('I could not sleep')
  })

  it('keeps the associated data that values already stored were sealed with', async () => {
    const keys = awaitedOnly()
    const key = await keys.key('system')
    // As an earlier release wrote them: `table.column rowId`.
    const text = sealText(key, '{"type":"doc"}', 'worksheets.content w1')
    expect(await worksheetContent.open(keys, 'system', 'w1', text)).toBe('{"type":"doc"}')
    const bytes = seal(key, Uint8Array.of(1, 2, 3), 'images.data h1')
    expect([...(await imageData.open(keys, 'system', 'h1', bytes))]).toEqual([1, 2, 3])
    const sealed = await imageData.seal(keys, 'system', 'h1', Uint8Array.of(4))
    expect([...open(key, sealed, 'images.data h1')]).toEqual([4])
    expect(
      openText(key, await chatText.seal(keys, 'system', 'm2', 'hi'), 'chat_messages.text m2'),
    ).toBe('hi')
  })

  it('refuses a value moved to another row, column or scope', async () => {
    const keys = awaitedOnly()
    const stored = await chatText.seal(keys, 'group:g1', 'm1', 'mine')
    await expect(chatText.open(keys, 'group:g1', 'm2', stored)).rejects.toThrow(SealedDataRejected)
    await expect(worksheetContent.open(keys, 'group:g1', 'm1', stored)).rejects.toThrow(
      SealedDataRejected,
    )
    await expect(chatText.open(keys, 'group:g2', 'm1', stored)).rejects.toThrow(SealedDataRejected)
  })
})
