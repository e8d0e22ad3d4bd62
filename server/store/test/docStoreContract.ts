import { describe, expect, it, beforeEach, afterEach } from 'vitest'
import type { DocName } from '../../../shared/documents/docName.ts'
import type { DocStore } from '../DocStore.ts'

const a = 'contract/a' as DocName
const b = 'contract/b' as DocName
const bytes = (...xs: number[]) => new Uint8Array(xs)

/**
 * The behaviour every `DocStore` must have. Each implementation's test file calls this with a
 * factory for a fresh, empty store.
 */
export function docStoreContract(name: string, open: () => Promise<DocStore>): void {
  describe(`DocStore contract: ${name}`, () => {
    let store: DocStore
    beforeEach(async () => {
      store = await open()
    })
    afterEach(async () => {
      await store.close()
    })

    it('loads an unknown document as an empty log', async () => {
      const doc = await store.load('contract/unknown' as DocName)
      expect(doc).toEqual({ snapshot: null, updates: [], lastSeq: 0, updateBytes: 0 })
    })

    it('returns appended updates in order, per document', async () => {
      await store.append([
        { doc: a, update: bytes(1) },
        { doc: b, update: bytes(9) },
        { doc: a, update: bytes(2, 2) },
      ])
      await store.append([{ doc: a, update: bytes(3) }])
      const loaded = await store.load(a)
      expect(loaded.updates.map((u) => Array.from(u))).toEqual([[1], [2, 2], [3]])
      expect(loaded.updateBytes).toBe(4)
      expect((await store.load(b)).updates.map((u) => Array.from(u))).toEqual([[9]])
    })

    it('reports increasing sequence numbers per document', async () => {
      const first = await store.append([
        { doc: a, update: bytes(1) },
        { doc: a, update: bytes(2) },
      ])
      const second = await store.append([{ doc: a, update: bytes(3) }])
      expect(second.get(a)!).toBeGreaterThan(first.get(a)!)
      expect((await store.load(a)).lastSeq).toBe(second.get(a))
    })

    it('compaction replaces folded updates by the snapshot and keeps later ones', async () => {
      const seqs = await store.append([
        { doc: a, update: bytes(1) },
        { doc: a, update: bytes(2) },
      ])
      await store.append([{ doc: a, update: bytes(3) }])
      await store.compact(a, bytes(7, 7), seqs.get(a)!)
      const loaded = await store.load(a)
      expect(Array.from(loaded.snapshot!)).toEqual([7, 7])
      expect(loaded.updates.map((u) => Array.from(u))).toEqual([[3]])
    })

    it('a second compaction replaces the first snapshot', async () => {
      const s1 = await store.append([{ doc: a, update: bytes(1) }])
      await store.compact(a, bytes(10), s1.get(a)!)
      const s2 = await store.append([{ doc: a, update: bytes(2) }])
      await store.compact(a, bytes(20), s2.get(a)!)
      const loaded = await store.load(a)
      expect(Array.from(loaded.snapshot!)).toEqual([20])
      expect(loaded.updates).toEqual([])
      expect(loaded.lastSeq).toBe(s2.get(a))
    })

    it('delete removes snapshot and log of one document only', async () => {
      const s = await store.append([
        { doc: a, update: bytes(1) },
        { doc: b, update: bytes(2) },
      ])
      await store.compact(a, bytes(5), s.get(a)!)
      await store.delete(a)
      expect((await store.load(a)).snapshot).toBeNull()
      expect((await store.load(a)).updates).toEqual([])
      expect((await store.load(b)).updates).toHaveLength(1)
    })

    it('stores bytes exactly, including empty and large updates', async () => {
      const big = new Uint8Array(1 << 20).map((_, i) => i % 251)
      await store.append([
        { doc: a, update: new Uint8Array(0) },
        { doc: a, update: big },
      ])
      const loaded = await store.load(a)
      expect(loaded.updates[0]!.byteLength).toBe(0)
      expect(Buffer.compare(loaded.updates[1]!, big)).toBe(0)
    })

    describe('names', () => {
      const name = (s: string) => `names/${s}` as DocName
      /** Stored as a log only, a snapshot only, or both; `gone` is deleted again. */
      async function stored(logOnly: string[], snapshotOnly: string[], both: string[]) {
        const all = [...logOnly, ...snapshotOnly, ...both, 'gone'].map(name)
        const seqs = await store.append(all.map((doc) => ({ doc, update: bytes(1) })))
        for (const s of [...snapshotOnly, ...both]) {
          await store.compact(name(s), bytes(2), seqs.get(name(s))!)
        }
        await store.append(both.map((s) => ({ doc: name(s), update: bytes(3) })))
        await store.delete(name('gone'))
      }

      it('lists every stored document under a prefix once, sorted, log or snapshot', async () => {
        await stored(['a/b', 'a/bc', 'b'], ['a/b/c', 'a/b%'], ['a/b_', 'ab'])
        expect(await store.names('names/a/b')).toEqual(
          ['a/b', 'a/b%', 'a/b/c', 'a/b_', 'a/bc'].map(name),
        )
        expect(await store.names('names/')).toEqual(
          ['a/b', 'a/b%', 'a/b/c', 'a/b_', 'a/bc', 'ab', 'b'].map(name),
        )
        expect(await store.names('')).toEqual(await store.names('names/'))
        expect(await store.names('names/a/b/c')).toEqual([name('a/b/c')])
        expect(await store.names('names/gone')).toEqual([])
        expect(await store.names('names/z')).toEqual([])
      })

      it('matches the prefix exactly: a look-alike, % or _ matches nothing more', async () => {
        await stored(['a/b', 'a/bc', 'a/b/c', 'a-b', 'axb'], ['a/b%', 'a%'], ['a/b_', 'a_'])
        expect(await store.names('names/a/b/')).toEqual([name('a/b/c')])
        expect(await store.names('names/a/b_')).toEqual([name('a/b_')])
        expect(await store.names('names/a/b%')).toEqual([name('a/b%')])
        expect(await store.names('names/a%')).toEqual([name('a%')])
        expect(await store.names('names/a_')).toEqual([name('a_')])
        expect(await store.names('names/a_b')).toEqual([])
        expect(await store.names('names/a%b')).toEqual([])
        expect(await store.names('names/A/B')).toEqual([])
      })

      it('keeps names with characters past U+FFFF under their prefix', async () => {
        await stored(['x\u{1F331}', 'x\u{10FFFF}y', 'x\uFFFF', 'y'], [], [])
        expect(await store.names('names/x')).toEqual(
          ['x\uFFFF', 'x\u{1F331}', 'x\u{10FFFF}y'].map(name),
        )
        expect(await store.names('names/x\u{10FFFF}')).toEqual([name('x\u{10FFFF}y')])
      })
    })
  })
}
