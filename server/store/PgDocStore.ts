import { createHash } from 'node:crypto'
import type { Pool, PoolClient } from 'pg'
import type { DocName } from '../../shared/documents/docName.ts'
import { KeyErased } from '../crypto/keyRing.ts'
import type { AppendEntry, DocStore, StoredDoc } from './DocStore.ts'
import { type DocCipher, sealSnapshot, sealUpdate } from './docCipher.ts'
import { openStoredDoc, type RowKey } from './openStoredDoc.ts'
import { prefixEnd } from './prefixEnd.ts'

/** The key of a document's places: its name's SHA-256, as the schema's move computes it. */
const placeDigest = (doc: DocName): string => createHash('sha256').update(doc, 'utf8').digest('hex')

export interface PgDocStoreOptions {
  pool: Pool
  /** Seals every row with its document's data key (encryption at rest), as in SQLite. */
  cipher?: DocCipher
  /** Ends the pool on close (the store made it); false when the caller shares it. */
  ownsPool?: boolean
}

/**
 * The tables, made on first start by whichever instance gets the lock (several may start at
 * once; concurrent CREATE ... IF NOT EXISTS can still collide in PostgreSQL's catalogue).
 *
 * Places are numbered per document, in commit order: `doc_places` holds each document's last
 * place, and an append takes its places by updating that row, whose lock it holds until it
 * commits. So no instance can commit place n after another has seen place n + 1 of the same
 * document, which is what compaction (fold everything up to a place) relies on when several
 * instances write one document. A document's row stays when it is deleted, so that places
 * (sealed into every row) are never given twice; it is keyed by a digest of the name, not the
 * name, so that what stays after an erasure names nobody (names carry session and member ids).
 * An install made before keeps its places: `doc_heads` moves over, digested, once.
 *
 * Names are compared byte for byte ("C"), whatever the database's own collation: listing by
 * prefix is a range over the primary keys (`names`), which a language's collation would not
 * keep in prefix order. Tables an older install made without it keep their collation: `names`
 * stays exact on them, only without the index.
 */
const SCHEMA = `
  SELECT pg_advisory_xact_lock(hashtext('hearth doc store schema'));
  CREATE TABLE IF NOT EXISTS doc_places (
    doc_digest TEXT PRIMARY KEY,
    last_seq BIGINT NOT NULL
  );
  DO $$ BEGIN
    IF to_regclass('doc_heads') IS NOT NULL THEN
      INSERT INTO doc_places (doc_digest, last_seq)
        SELECT encode(sha256(convert_to(doc, 'UTF8')), 'hex'), last_seq FROM doc_heads
        ON CONFLICT (doc_digest) DO NOTHING;
      DROP TABLE doc_heads;
    END IF;
  END $$;
  CREATE TABLE IF NOT EXISTS doc_updates (
    doc TEXT COLLATE "C" NOT NULL,
    seq BIGINT NOT NULL,
    data BYTEA NOT NULL,
    sealed BOOLEAN NOT NULL,
    PRIMARY KEY (doc, seq)
  );
  CREATE TABLE IF NOT EXISTS doc_snapshots (
    doc TEXT COLLATE "C" PRIMARY KEY,
    up_to_seq BIGINT NOT NULL,
    data BYTEA NOT NULL,
    sealed BOOLEAN NOT NULL
  );
`

/** Every name stored from `$1` on (and before `$2`, when given), in byte order. */
const namesIn = (bounded: boolean) => {
  const range = bounded ? 'doc COLLATE "C" >= $1 AND doc COLLATE "C" < $2' : 'doc COLLATE "C" >= $1'
  return `SELECT doc FROM (
      SELECT doc FROM doc_updates WHERE ${range}
      UNION SELECT doc FROM doc_snapshots WHERE ${range}
    ) AS stored ORDER BY doc COLLATE "C"`
}
const NAMES_IN = namesIn(true)
const NAMES_FROM = namesIn(false)

/** Creates the document store's tables if they are missing. */
export async function prepareDocStoreSchemaPg(pool: Pool): Promise<void> {
  await inTransaction(pool, (client) => client.query(SCHEMA))
}

/**
 * The `DocStore` on PostgreSQL, for several Hearth instances sharing one record. Every method
 * is one transaction; PostgreSQL's own commit (synchronous_commit on, its default) is what
 * makes an append durable before it resolves.
 */
export class PgDocStore implements DocStore {
  readonly #pool: Pool
  readonly #cipher: DocCipher | null
  readonly #ownsPool: boolean
  #closed = false

  constructor(options: PgDocStoreOptions) {
    this.#pool = options.pool
    this.#cipher = options.cipher ?? null
    this.#ownsPool = options.ownsPool ?? false
  }

  async load(doc: DocName): Promise<StoredDoc> {
    this.#open()
    const { snap, rows } = await inTransaction(
      this.#pool,
      async (client) => {
        const s = await client.query<{ up_to_seq: string; data: Buffer; sealed: boolean }>(
          'SELECT up_to_seq, data, sealed FROM doc_snapshots WHERE doc = $1',
          [doc],
        )
        const snap = s.rows[0]
        const r = await client.query<{ seq: string; data: Buffer; sealed: boolean }>(
          'SELECT seq, data, sealed FROM doc_updates WHERE doc = $1 AND seq > $2 ORDER BY seq',
          [doc, snap?.up_to_seq ?? 0],
        )
        return { snap, rows: r.rows }
      },
      // One snapshot of the data for both reads: a compaction between them would otherwise
      // leave the rows it folded out of both.
      'REPEATABLE READ READ ONLY',
    )
    const read = (seq: string, data: Buffer, sealed: boolean) => ({
      seq: Number(seq),
      data: bytes(data),
      sealed: +sealed,
    })
    const sealed = (snap?.sealed ?? false) || rows.some((row) => row.sealed)
    return openStoredDoc(
      await this.#rowKey(doc, sealed),
      doc,
      snap && read(snap.up_to_seq, snap.data, snap.sealed),
      rows.map((row) => read(row.seq, row.data, row.sealed)),
    )
  }

  async append(entries: readonly AppendEntry[]): Promise<Map<DocName, number>> {
    this.#open()
    const counts = new Map<DocName, number>()
    for (const { doc } of entries) counts.set(doc, (counts.get(doc) ?? 0) + 1)
    // Places are taken in digest order, so two instances appending to the same documents wait
    // for each other instead of deadlocking.
    const byDigest = new Map([...counts.keys()].map((doc) => [placeDigest(doc), doc]))
    const digests = [...byDigest.keys()].sort()
    const docs = digests.map((digest) => byDigest.get(digest)!)
    const keys = await this.#keysOf(docs)
    return inTransaction(this.#pool, async (client) => {
      const heads = await client.query<{ doc_digest: string; last_seq: string }>(
        `INSERT INTO doc_places (doc_digest, last_seq)
           SELECT d, n FROM unnest($1::text[], $2::bigint[]) AS t(d, n) ORDER BY d
         ON CONFLICT (doc_digest) DO UPDATE SET last_seq = doc_places.last_seq + EXCLUDED.last_seq
         RETURNING doc_digest, last_seq`,
        [digests, docs.map((d) => counts.get(d)!)],
      )
      const last = new Map(
        heads.rows.map((r) => [byDigest.get(r.doc_digest)!, Number(r.last_seq)] as const),
      )
      const next = new Map(docs.map((d) => [d, last.get(d)! - counts.get(d)! + 1]))
      const rows = { doc: [] as string[], seq: [] as number[], data: [] as Buffer[] }
      const sealed: boolean[] = []
      for (const { doc, update } of entries) {
        const seq = next.get(doc)!
        next.set(doc, seq + 1)
        const key = keys.get(doc)
        rows.doc.push(doc)
        rows.seq.push(seq)
        rows.data.push(Buffer.from(key ? sealUpdate(key, doc, seq, update) : update))
        sealed.push(key !== undefined)
      }
      await client.query(
        `INSERT INTO doc_updates (doc, seq, data, sealed)
           SELECT * FROM unnest($1::text[], $2::bigint[], $3::bytea[], $4::boolean[])`,
        [rows.doc, rows.seq, rows.data, sealed],
      )
      return last
    })
  }

  async compact(doc: DocName, snapshot: Uint8Array, upToSeq: number): Promise<void> {
    this.#open()
    const key = await this.#cipher?.key(doc)
    const data = Buffer.from(key ? sealSnapshot(key, doc, upToSeq, snapshot) : snapshot)
    await inTransaction(this.#pool, async (client) => {
      // Of two instances folding the same document, the snapshot that covers more stays.
      await client.query(
        `INSERT INTO doc_snapshots (doc, up_to_seq, data, sealed) VALUES ($1, $2, $3, $4)
         ON CONFLICT (doc) DO UPDATE
           SET up_to_seq = EXCLUDED.up_to_seq, data = EXCLUDED.data, sealed = EXCLUDED.sealed
           WHERE doc_snapshots.up_to_seq < EXCLUDED.up_to_seq`,
        [doc, upToSeq, data, key !== undefined],
      )
      await client.query('DELETE FROM doc_updates WHERE doc = $1 AND seq <= $2', [doc, upToSeq])
    })
  }

  async delete(doc: DocName): Promise<void> {
    this.#open()
    await inTransaction(this.#pool, async (client) => {
      await client.query('DELETE FROM doc_updates WHERE doc = $1', [doc])
      await client.query('DELETE FROM doc_snapshots WHERE doc = $1', [doc])
    })
  }

  async names(prefix: string): Promise<DocName[]> {
    this.#open()
    const to = prefixEnd(prefix)
    // One statement: both tables read at one moment, so a compaction cannot hide a document.
    const { rows } = await this.#pool.query<{ doc: DocName }>(
      to === null ? NAMES_FROM : NAMES_IN,
      to === null ? [prefix] : [prefix, to],
    )
    return rows.map((row) => row.doc)
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    if (this.#ownsPool) await this.#pool.end()
  }

  #open(): void {
    if (this.#closed) throw new Error('document store is closed')
  }

  /**
   * Each document's key (none without a cipher), awaited before the transaction takes its
   * locks: the ring may be a database of its own. An erased key fails the append, as in SQLite.
   */
  async #keysOf(docs: readonly DocName[]): Promise<Map<DocName, Uint8Array>> {
    const cipher = this.#cipher
    if (!cipher) return new Map()
    return new Map(
      await Promise.all(docs.map(async (doc) => [doc, await cipher.key(doc)] as const)),
    )
  }

  /**
   * The key `openStoredDoc` asks for, awaited first. An erased key counts the sealed rows
   * rejected, as in SQLite; any other failure (the key database out of reach) fails the load,
   * to be tried again, instead of serving a sound document as damaged (read-only).
   */
  async #rowKey(doc: DocName, sealed: boolean): Promise<RowKey> {
    const cipher = this.#cipher
    if (!cipher || !sealed) return null
    try {
      const key = await cipher.key(doc)
      return () => key
    } catch (error) {
      if (!(error instanceof KeyErased)) throw error
      return () => {
        throw error
      }
    }
  }
}

/** node-postgres returns BYTEA as a Buffer; callers get plain bytes, as from SQLite. */
const bytes = (data: Buffer) => new Uint8Array(data.buffer, data.byteOffset, data.byteLength)

/** Runs `work` in one transaction on one pooled connection, rolling back if it throws. */
export async function inTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
  mode = 'READ COMMITTED',
): Promise<T> {
  const client = await pool.connect()
  let broken: Error | undefined
  try {
    await client.query(`BEGIN ISOLATION LEVEL ${mode}`)
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    // A connection that cannot even roll back is dropped from the pool, not reused.
    await client.query('ROLLBACK').catch((e: Error) => (broken = e))
    throw error
  } finally {
    client.release(broken)
  }
}
