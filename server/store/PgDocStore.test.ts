import { randomBytes } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import type { DocName } from '../../shared/documents/docName.ts'
import { KeyErased } from '../crypto/keyRing.ts'
import { throwawaySchema } from '../db/test/throwawaySchema.ts'
import type { DocCipher } from './docCipher.ts'
import type { DocStore } from './DocStore.ts'
import { PgDocStore, prepareDocStoreSchemaPg } from './PgDocStore.ts'
import { docStoreContract } from './test/docStoreContract.ts'

const drops: (() => Promise<void>)[] = []
afterAll(async () => {
  await Promise.all(drops.map((drop) => drop()))
})

/** A fresh store on a schema of its own; the schema goes when the file's tests end. */
async function freshStore(cipher?: DocCipher) {
  const { pool, drop } = await throwawaySchema('docs')
  drops.push(drop)
  await prepareDocStoreSchemaPg(pool)
  return { store: new PgDocStore({ pool, ...(cipher && { cipher }) }), pool }
}

/** Like the database key ring before `key` was awaited: this store must never read keys unawaited. */
const notLoaded = (): Uint8Array => {
  throw new Error('keyOf read on the PostgreSQL store')
}

const oneKey: DocCipher = (() => {
  const key = randomBytes(32)
  return { key: async () => key, keyOf: notLoaded }
})()

docStoreContract('PostgreSQL', async () => (await freshStore()).store)
docStoreContract('PostgreSQL, sealed', async () => (await freshStore(oneKey)).store)

describe('PgDocStore', () => {
  const doc = 'pg/room' as DocName
  const words = (text: string) => new TextEncoder().encode(text)

  it('stores no plain byte of a sealed update or snapshot', async () => {
    const { store, pool } = await freshStore(oneKey)
    const seqs = await store.append([{ doc, update: words('I felt alone on Sunday') }])
    await store.compact(doc, words('the whole of my worry list'), seqs.get(doc)!)
    await store.append([{ doc, update: words('breathing helped a little') }])
    const raw = await pool.query<{ data: Buffer }>(
      'SELECT data FROM doc_updates UNION ALL SELECT data FROM doc_snapshots',
    )
    const all = Buffer.concat(raw.rows.map((r) => r.data)).toString('latin1')
    for (const plain of ['alone on Sunday', 'worry list', 'breathing']) {
      expect(all).not.toContain(plain)
    }
    const loaded = await store.load(doc)
    expect(new TextDecoder().decode(loaded.snapshot!)).toBe('the whole of my worry list')
    expect(loaded.updates.map((u) => new TextDecoder().decode(u))).toEqual([
      'breathing helped a little',
    ])
  })

  it('a row moved to another place does not open, and the rest is served', async () => {
    const { store, pool } = await freshStore(oneKey)
    await store.append([{ doc, update: words('first') }])
    await store.append([{ doc, update: words('second') }])
    await pool.query("UPDATE doc_updates SET seq = 9 WHERE doc = 'pg/room' AND seq = 1")
    const loaded = await store.load(doc)
    expect(loaded.updates.map((u) => new TextDecoder().decode(u))).toEqual(['second'])
    expect(loaded.rejected?.rows).toBe(1)
  })

  it('an erased key counts the sealed rows rejected; a key ring out of reach fails the load', async () => {
    const key = randomBytes(32)
    let problem: Error | null = null
    const cipher: DocCipher = {
      key: async () => {
        if (problem) throw problem
        return key
      },
      keyOf: notLoaded,
    }
    const { store } = await freshStore(cipher)
    await store.append([{ doc, update: words('first') }])
    problem = new KeyErased('group:g1')
    const erased = await store.load(doc)
    expect(erased.updates).toEqual([])
    expect(erased.rejected?.rows).toBe(1)
    // Not served as damaged (read-only) for a moment's outage: the load is tried again.
    problem = new Error('the keys database is out of reach')
    await expect(store.load(doc)).rejects.toThrow('out of reach')
    problem = null
    expect((await store.load(doc)).updates.map((u) => new TextDecoder().decode(u))).toEqual([
      'first',
    ])
  })

  it('numbers places per document in commit order across stores sharing the database', async () => {
    // Two instances' stores on one schema, appending to the same documents at once.
    const first = await freshStore()
    const second: DocStore = new PgDocStore({ pool: first.pool })
    const docs = ['pg/a', 'pg/b', 'pg/c'] as DocName[]
    const rounds = 30
    await Promise.all(
      [first.store, second].map(async (store, s) => {
        for (let i = 0; i < rounds; i++) {
          const order = s === 0 ? docs : [...docs].reverse()
          await store.append(order.map((d) => ({ doc: d, update: Uint8Array.of(s, i) })))
        }
      }),
    )
    for (const d of docs) {
      const loaded = await first.store.load(d)
      expect(loaded.updates).toHaveLength(rounds * 2)
      expect(loaded.lastSeq).toBe(rounds * 2)
      // Each store's own appends stay in its order.
      for (const s of [0, 1]) {
        const mine = loaded.updates.filter((u) => u[0] === s).map((u) => u[1])
        expect(mine).toEqual([...Array(rounds).keys()])
      }
    }
  })

  it('a deleted document never gives a place twice', async () => {
    const { store } = await freshStore()
    const before = await store.append([{ doc, update: Uint8Array.of(1) }])
    await store.delete(doc)
    const after = await store.append([{ doc, update: Uint8Array.of(2) }])
    expect(after.get(doc)!).toBeGreaterThan(before.get(doc)!)
    expect((await store.load(doc)).updates.map((u) => Array.from(u))).toEqual([[2]])
  })

  it('keeps no document name once it is deleted (its places are kept by digest)', async () => {
    const { store, pool } = await freshStore()
    const named = 'group/g_erased/session/s_erased/private/w1/m_erased' as DocName
    await store.append([{ doc: named, update: Uint8Array.of(1) }])
    await store.compact(named, Uint8Array.of(1), 1)
    await store.append([{ doc: named, update: Uint8Array.of(2) }])
    await store.delete(named)
    const tables = await pool.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`,
    )
    for (const { name } of tables.rows) {
      const { rows } = await pool.query(`SELECT * FROM ${name}`)
      expect(JSON.stringify(rows)).not.toMatch(/m_erased|s_erased|g_erased/)
    }
  })

  it('an install made with named heads keeps its places when they move to digests', async () => {
    const { pool, drop } = await throwawaySchema('docs')
    drops.push(drop)
    await pool.query(`
      CREATE TABLE doc_heads (doc TEXT PRIMARY KEY, last_seq BIGINT NOT NULL);
      CREATE TABLE doc_updates (doc TEXT NOT NULL, seq BIGINT NOT NULL, data BYTEA NOT NULL,
        sealed BOOLEAN NOT NULL, PRIMARY KEY (doc, seq));
      INSERT INTO doc_heads VALUES ('pg/room', 7);
      INSERT INTO doc_updates VALUES ('pg/room', 7, '\\x01', false);`)
    await prepareDocStoreSchemaPg(pool)
    const store = new PgDocStore({ pool })
    const places = await store.append([{ doc, update: Uint8Array.of(2) }])
    expect(places.get(doc)).toBe(8)
    expect((await store.load(doc)).updates.map((u) => Array.from(u))).toEqual([[1], [2]])
    const heads = await pool.query(`SELECT to_regclass('doc_heads') AS t`)
    expect(heads.rows).toEqual([{ t: null }])
  })
})
