import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { DatabaseSync, type StatementSync } from 'node:sqlite'
import type { DocName } from '../../shared/documents/docName.ts'
import type { AppendEntry, DocStore, StoredDoc } from './DocStore.ts'

export interface SqliteDocStoreOptions {
  /** A file path, or ':memory:' for tests that need no durability. */
  path: string
  /**
   * FULL fsyncs the WAL on every commit (survives power loss); NORMAL survives a process crash
   * only. Health data defaults to FULL; commits are batched per tick, so the cost is per tick.
   */
  synchronous?: 'FULL' | 'NORMAL'
}

/**
 * The default `DocStore`: one SQLite file through the built-in `node:sqlite` (no native addon),
 * in WAL mode. Calls are synchronous underneath; the port is async so that other stores fit.
 */
export class SqliteDocStore implements DocStore {
  readonly #db: DatabaseSync
  readonly #insert: StatementSync
  readonly #selectSnapshot: StatementSync
  readonly #selectUpdates: StatementSync
  readonly #upsertSnapshot: StatementSync
  readonly #deleteUpdatesUpTo: StatementSync
  readonly #deleteUpdates: StatementSync
  readonly #deleteSnapshot: StatementSync

  constructor({ path, synchronous = 'FULL' }: SqliteDocStoreOptions) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
    this.#db = new DatabaseSync(path)
    this.#db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = ${synchronous};
      PRAGMA busy_timeout = 5000;
      CREATE TABLE IF NOT EXISTS doc_updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        doc TEXT NOT NULL,
        data BLOB NOT NULL
      );
      CREATE INDEX IF NOT EXISTS doc_updates_doc_seq ON doc_updates (doc, seq);
      CREATE TABLE IF NOT EXISTS doc_snapshots (
        doc TEXT PRIMARY KEY,
        up_to_seq INTEGER NOT NULL,
        data BLOB NOT NULL
      );
    `)
    this.#insert = this.#db.prepare('INSERT INTO doc_updates (doc, data) VALUES (?, ?)')
    this.#selectSnapshot = this.#db.prepare(
      'SELECT up_to_seq, data FROM doc_snapshots WHERE doc = ?',
    )
    this.#selectUpdates = this.#db.prepare(
      'SELECT seq, data FROM doc_updates WHERE doc = ? AND seq > ? ORDER BY seq',
    )
    this.#upsertSnapshot = this.#db.prepare(
      `INSERT INTO doc_snapshots (doc, up_to_seq, data) VALUES (?, ?, ?)
       ON CONFLICT (doc) DO UPDATE SET up_to_seq = excluded.up_to_seq, data = excluded.data`,
    )
    this.#deleteUpdatesUpTo = this.#db.prepare('DELETE FROM doc_updates WHERE doc = ? AND seq <= ?')
    this.#deleteUpdates = this.#db.prepare('DELETE FROM doc_updates WHERE doc = ?')
    this.#deleteSnapshot = this.#db.prepare('DELETE FROM doc_snapshots WHERE doc = ?')
  }

  async load(doc: DocName): Promise<StoredDoc> {
    return this.#transaction(() => {
      const snap = this.#selectSnapshot.get(doc) as
        { up_to_seq: number; data: Uint8Array } | undefined
      const after = snap?.up_to_seq ?? 0
      const rows = this.#selectUpdates.all(doc, after) as { seq: number; data: Uint8Array }[]
      let updateBytes = 0
      const updates = rows.map((r) => {
        updateBytes += r.data.byteLength
        return r.data
      })
      return {
        snapshot: snap?.data ?? null,
        updates,
        lastSeq: rows.at(-1)?.seq ?? after,
        updateBytes,
      }
    })
  }

  async append(entries: readonly AppendEntry[]): Promise<Map<DocName, number>> {
    return this.#transaction(() => {
      const last = new Map<DocName, number>()
      for (const { doc, update } of entries) {
        const { lastInsertRowid } = this.#insert.run(doc, update)
        last.set(doc, Number(lastInsertRowid))
      }
      return last
    })
  }

  async compact(doc: DocName, snapshot: Uint8Array, upToSeq: number): Promise<void> {
    this.#transaction(() => {
      this.#upsertSnapshot.run(doc, upToSeq, snapshot)
      this.#deleteUpdatesUpTo.run(doc, upToSeq)
    })
  }

  async delete(doc: DocName): Promise<void> {
    this.#transaction(() => {
      this.#deleteUpdates.run(doc)
      this.#deleteSnapshot.run(doc)
    })
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close()
  }

  #transaction<T>(work: () => T): T {
    this.#db.exec('BEGIN IMMEDIATE')
    try {
      const result = work()
      this.#db.exec('COMMIT')
      return result
    } catch (error) {
      this.#db.exec('ROLLBACK')
      throw error
    }
  }
}
