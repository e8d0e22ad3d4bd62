import { describe, expect, it } from 'vitest'
import type { DocName } from '../../shared/documents/docName.ts'
import { packEntries, unpackEntries } from './packEntries.ts'

describe('packEntries', () => {
  it('round-trips entries, including empty and large updates', () => {
    const entries = [
      { doc: 'a/b' as DocName, update: new Uint8Array([1, 2, 3]) },
      { doc: 'g/x/s/y/shared/ws' as DocName, update: new Uint8Array(0) },
      { doc: 'a/b' as DocName, update: new Uint8Array(70_000).map((_, i) => i % 251) },
    ]
    const back = unpackEntries(packEntries(entries))
    expect(back.map((e) => e.doc)).toEqual(entries.map((e) => e.doc))
    back.forEach((e, i) => expect(Buffer.compare(e.update, entries[i]!.update)).toBe(0))
  })
})
