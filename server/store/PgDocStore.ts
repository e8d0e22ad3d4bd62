import type { Pool, PoolClient } from 'pg'
import type { DocName } from '../../shared/documents/docName.ts'
import type { AppendEntry, DocStore, StoredDoc } from './DocStore.ts'
import { type DocCipher, sealSnapshot, sealUpdate } from './docCipher.ts'
import { openStoredDoc } from './openStoredDoc.ts'

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
 * Places are numbered per document, in commit order: `doc_heads` holds each document's last
 * place, and an append takes its places by updating that row, whose lock it holds until it
 * commits. So no instance can commit place n after another has seen place n + 1 of the same
 * document, which is what compaction (fold everything up to a place) relies on when several
 * instances write one document. A document's head stays when it is deleted, so that places
 * (sealed into every row) are never given twice.
 */
const SCHEMA = `
  SELECT pg_advisory_xact_lock(hashtext('hearth doc store schema'));
  CREATE TABLE IF NOT EXISTS doc_heads (
    doc TEXT PRIMARY KEY,
    last_seq BIGINT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS doc_updates (
    doc TEXT NOT NULL,
    seq BIGINT NOT NULL,
    data BYTEA NOT NULL,
    sealed BOOLEAN NOT NULL,
    PRIMARY KEY (doc, seq)
  );
  CREATE TABLE IF NOT EXISTS doc_snapshots (
    doc TEXT PRIMARY KEY,
    up_to_seq BIGINT NOT NULL,
    data BYTEA NOT NULL,
    sealed BOOLEAN NOT NULL
  );
`

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
    return openStoredDoc(
      this.#cipher,
      doc,
      snap && read(snap.up_to_seq, snap.data, snap.sealed),
      rows.map((row) => read(row.seq, row.data, row.sealed)),
    )
  }

  async append(entries: readonly AppendEntry[]): Promise<Map<DocName, number>> {
    this.#open()
    const counts = new Map<DocName, number>()
    for (const { doc } of entries) counts.set(doc, (counts.get(doc) ?? 0) + 1)
    // Heads are taken in name order, so two instances appending to the same documents wait
    // for each other instead of deadlocking.
    const docs = [...counts.keys()].sort()
    return inTransaction(this.#pool, async (client) => {
      const heads = await client.query<{ doc: DocName; last_seq: string }>(
        `INSERT INTO doc_heads (doc, last_seq)
           SELECT doc, n FROM unnest($1::text[], $2::bigint[]) AS t(doc, n) ORDER BY doc
         ON CONFLICT (doc) DO UPDATE SET last_seq = doc_heads.last_seq + EXCLUDED.last_seq
         RETURNING doc, last_seq`,
        [docs, docs.map((d) => counts.get(d)!)],
      )
      const last = new Map(heads.rows.map((r) => [r.doc, Number(r.last_seq)]))
      const next = new Map(docs.map((d) => [d, last.get(d)! - counts.get(d)! + 1]))
      const rows = { doc: [] as string[], seq: [] as number[], data: [] as Buffer[] }
      const sealed: boolean[] = []
      for (const { doc, update } of entries) {
        const seq = next.get(doc)!
        next.set(doc, seq + 1)
        const key = this.#cipher?.keyOf(doc)
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
    const key = this.#cipher?.keyOf(doc)
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

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    if (this.#ownsPool) await this.#pool.end()
  }

  #open(): void {
    if (this.#closed) throw new Error('document store is closed')
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
