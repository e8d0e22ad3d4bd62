import { describe, expect, it } from 'vitest'
import { packEntries, unpackEntries } from './packEntries.ts'

describe('packEntries', () => {
  it('round-trips rows, including empty and large ones, with their place and seal flag', () => {
    const rows = [
      { seq: 1, doc: 'a/b', data: new Uint8Array([1, 2, 3]), sealed: true },
      { seq: 2, doc: 'g/x/s/y/shared/ws', data: new Uint8Array(0), sealed: false },
      {
        seq: 300_000,
        doc: 'a/b',
        data: new Uint8Array(70_000).map((_, i) => i % 251),
        sealed: true,
      },
    ]
    const back = unpackEntries(packEntries(rows))
    expect(back.map(({ seq, doc, sealed }) => ({ seq, doc, sealed }))).toEqual(
      rows.map(({ seq, doc, sealed }) => ({ seq, doc, sealed })),
    )
    back.forEach((e, i) => expect(Buffer.compare(e.data, rows[i]!.data)).toBe(0))
  })
})
