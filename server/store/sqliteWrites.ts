import type { DatabaseSync, StatementSync } from 'node:sqlite'

/**
 * One row of a document's log as it is written: its place (given by the store, because the
 * place is part of what seals it), the document, and the bytes, sealed or (without a key
 * ring, in tests and benchmarks) as they came.
 */
export interface StoredRow {
  seq: number
  doc: string
  data: Uint8Array
  sealed: boolean
}

/**
 * The write side of the SQLite store: each method is one transaction.
 */
export class SqliteWrites {
  readonly #db: DatabaseSync
  readonly #insert: StatementSync
  readonly #upsertSnapshot: StatementSync
  readonly #deleteUpdatesUpTo: StatementSync
  readonly #deleteUpdates: StatementSync
  readonly #deleteSnapshot: StatementSync

  constructor(db: DatabaseSync) {
    this.#db = db
    this.#insert = db.prepare(
      'INSERT INTO doc_updates (seq, doc, data, sealed) VALUES (?, ?, ?, ?)',
    )
    this.#upsertSnapshot = db.prepare(
      `INSERT INTO doc_snapshots (doc, up_to_seq, data, sealed) VALUES (?, ?, ?, ?)
       ON CONFLICT (doc) DO UPDATE SET
         up_to_seq = excluded.up_to_seq, data = excluded.data, sealed = excluded.sealed`,
    )
    this.#deleteUpdatesUpTo = db.prepare('DELETE FROM doc_updates WHERE doc = ? AND seq <= ?')
    this.#deleteUpdates = db.prepare('DELETE FROM doc_updates WHERE doc = ?')
    this.#deleteSnapshot = db.prepare('DELETE FROM doc_snapshots WHERE doc = ?')
  }

  /**
   * Rows come with their places (a duplicate place fails the whole batch rather than being
   * written twice). Returns each document's newest sequence number.
   */
  append(rows: readonly StoredRow[]): Map<string, number> {
    return this.#transaction(() => {
      const last = new Map<string, number>()
      for (const { seq, doc, data, sealed } of rows) {
        this.#insert.run(seq, doc, data, sealed ? 1 : 0)
        last.set(doc, seq)
      }
      return last
    })
  }

  compact(doc: string, snapshot: Uint8Array, upToSeq: number, sealed: boolean): void {
    this.#transaction(() => {
      this.#upsertSnapshot.run(doc, upToSeq, snapshot, sealed ? 1 : 0)
      this.#deleteUpdatesUpTo.run(doc, upToSeq)
    })
  }

  delete(doc: string): void {
    this.#transaction(() => {
      this.#deleteUpdates.run(doc)
      this.#deleteSnapshot.run(doc)
    })
  }

  #transaction<T>(work: () => T): T {
    this.#db.exec('BEGIN IMMEDIATE')
    try {
      const result = work()
      this.#db.exec('COMMIT')
      return result
    } catch (error) {
      // On SQLITE_FULL and some I/O errors SQLite has already rolled back: a second ROLLBACK
      // would throw "no transaction is active" and hide the real error.
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK')
      throw error
    }
  }
}
