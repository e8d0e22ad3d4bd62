import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { formatToken, tokensInDecodedUpdate, tokensInUpdate } from './editToken.ts'

describe('tokensInUpdate', () => {
  it('finds the same tokens as decoding the update, in single and merged updates', () => {
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => updates.push(u))
    const text = doc.getText('t')
    for (let i = 0; i < 40; i++) {
      if (i % 9 === 8) text.delete(0, 3)
      else text.insert(text.length, formatToken(i % 12, i, 1000 + i * 0.125))
    }
    const merged = Y.mergeUpdates(updates.slice(10, 30))
    for (const update of [...updates, merged, Y.encodeStateAsUpdate(doc)]) {
      expect(tokensInUpdate(update)).toEqual(tokensInDecodedUpdate(update))
    }
    expect(tokensInUpdate(merged).length).toBeGreaterThan(15)
  })

  it('reads a token from a view into a larger buffer', () => {
    const doc = new Y.Doc()
    let update: Uint8Array = new Uint8Array()
    doc.on('update', (u: Uint8Array) => (update = u))
    doc.getText('t').insert(0, formatToken(3, 7, 12.5))
    const padded = new Uint8Array(update.length + 20)
    padded.set(update, 10)
    expect(tokensInUpdate(padded.subarray(10, 10 + update.length))).toEqual([
      { member: 3, seq: 7, sentAt: 12.5 },
    ])
  })
})
