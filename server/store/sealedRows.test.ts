import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { describe, expect, it } from 'vitest'
import type { DocName } from '../../shared/documents/docName.ts'
import { KeyErased } from '../crypto/keyRing.ts'
import type { DocCipher } from './docCipher.ts'
import { SqliteDocStore } from './SqliteDocStore.ts'
import { docStoreContract } from './test/docStoreContract.ts'

const tempPath = () => join(mkdtempSync(join(tmpdir(), 'hearth-sealed-')), 'docs.sqlite')

/** A key per document prefix, and prefixes whose key was "erased". */
function testCipher(erased = new Set<string>()): DocCipher {
  const keys = new Map<string, Uint8Array>()
  const keyOf = (doc: DocName) => {
    const scope = doc.split('/')[0]!
    if (erased.has(scope)) throw new KeyErased(scope)
    if (!keys.has(scope)) keys.set(scope, randomBytes(32))
    return keys.get(scope)!
  }
  return { key: async (doc) => keyOf(doc), keyOf }
}

const words = (text: string) => new TextEncoder().encode(text)
const onDisk = (path: string) =>
  Buffer.concat([path, `${path}-wal`].filter(existsSync).map((f) => readFileSync(f)))

docStoreContract('SQLite, sealed', async () => {
  return new SqliteDocStore({ path: tempPath(), cipher: testCipher() })
})

describe('sealed document rows', () => {
  const doc = 'ga/room' as DocName

  it('writes no plain byte of an update or a snapshot to the file or its log', async () => {
    const path = tempPath()
    const store = new SqliteDocStore({ path, cipher: testCipher() })
    const seqs = await store.append([{ doc, update: words('I felt alone on Sunday') }])
    await store.compact(doc, words('the whole of my worry list'), seqs.get(doc)!)
    await store.append([{ doc, update: words('breathing helped a little') }])
    const loaded = await store.load(doc)
    expect(new TextDecoder().decode(loaded.snapshot!)).toBe('the whole of my worry list')
    expect(new TextDecoder().decode(loaded.updates[0]!)).toBe('breathing helped a little')
    const bytes = onDisk(path)
    await store.close()
    for (const text of ['alone on Sunday', 'worry list', 'breathing helped']) {
      expect(bytes.includes(Buffer.from(text))).toBe(false)
    }
  })

  it('a changed byte, or a row moved to another document, is refused and named, and the other rows still load', async () => {
    const path = tempPath()
    const cipher = testCipher()
    const store = new SqliteDocStore({ path, cipher })
    await store.append([
      { doc, update: words('one') },
      { doc, update: words('two') },
      { doc: 'ga/other' as DocName, update: words('elsewhere') },
    ])
    await store.close()
    const raw = new DatabaseSync(path)
    const first = raw.prepare('SELECT seq, data FROM doc_updates ORDER BY seq LIMIT 1').get() as {
      seq: number
      data: Uint8Array
    }
    const flipped = Uint8Array.from(first.data)
    flipped[20]! ^= 1
    raw.prepare('UPDATE doc_updates SET data = ? WHERE seq = ?').run(flipped, first.seq)
    raw.prepare("UPDATE doc_updates SET doc = 'ga/room' WHERE doc = 'ga/other'").run()
    raw.close()
    const reopened = new SqliteDocStore({ path, cipher })
    const loaded = await reopened.load(doc)
    expect(loaded.updates.map((u) => new TextDecoder().decode(u))).toEqual(['two'])
    expect(loaded.rejected?.rows).toBe(2)
    expect(loaded.rejected?.reason).toContain(`doc ${doc} update ${first.seq}`)
    await reopened.close()
  })

  it('seals rows written before encryption at rest when it starts, and they still load', async () => {
    const path = tempPath()
    const plain = new SqliteDocStore({ path })
    const seqs = await plain.append([{ doc, update: words('an old plain row') }])
    await plain.compact(doc, words('an old plain snapshot'), seqs.get(doc)!)
    await plain.append([{ doc, update: words('a later plain row') }])
    await plain.close()
    const told: unknown[] = []
    const store = new SqliteDocStore({
      path,
      cipher: testCipher(),
      onLegacySealed: (c) => told.push(c),
    })
    expect(told).toEqual([{ sealed: 2, keyless: 0 }])
    const loaded = await store.load(doc)
    expect(new TextDecoder().decode(loaded.snapshot!)).toBe('an old plain snapshot')
    expect(new TextDecoder().decode(loaded.updates[0]!)).toBe('a later plain row')
    const bytes = onDisk(path)
    await store.close()
    expect(bytes.includes(Buffer.from('old plain'))).toBe(false)
    expect(bytes.includes(Buffer.from('later plain'))).toBe(false)
  })

  it('a document whose key was erased can be neither read nor written', async () => {
    const path = tempPath()
    const erased = new Set<string>()
    const store = new SqliteDocStore({ path, cipher: testCipher(erased) })
    await store.append([{ doc, update: words('before erasure') }])
    erased.add('ga')
    await store.close()
    const after = new SqliteDocStore({ path, cipher: testCipher(erased) })
    const loaded = await after.load(doc)
    expect(loaded.updates).toEqual([])
    expect(loaded.rejected?.reason).toContain('erased')
    await expect(after.append([{ doc, update: words('late') }])).rejects.toThrow(KeyErased)
    await after.close()
  })

  it('keeps giving new places after a restart, past rows already folded away', async () => {
    const path = tempPath()
    const cipher = testCipher()
    const store = new SqliteDocStore({ path, cipher })
    const s1 = await store.append([{ doc, update: words('a') }])
    await store.compact(doc, words('ab'), s1.get(doc)!)
    await store.close()
    const again = new SqliteDocStore({ path, cipher })
    const s2 = await again.append([{ doc, update: words('c') }])
    expect(s2.get(doc)!).toBeGreaterThan(s1.get(doc)!)
    expect((await again.load(doc)).updates.map((u) => new TextDecoder().decode(u))).toEqual(['c'])
    await again.close()
  })
})
