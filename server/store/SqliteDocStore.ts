import { DatabaseSync, type StatementSync } from 'node:sqlite'
import type { DocName } from '../../shared/documents/docName.ts'
import { preparePrivateFile } from '../db/preparePrivateFile.ts'
import type { AppendEntry, DocStore, StoredDoc } from './DocStore.ts'
import { type DocCipher, sealSnapshot, sealUpdate } from './docCipher.ts'
import { openStoredDoc } from './openStoredDoc.ts'
import { prefixEnd } from './prefixEnd.ts'
import { sealLegacyRows } from './sealLegacyRows.ts'
import { nextSeqOf, prepareDocStoreSchema } from './sqliteSchema.ts'
import { SqliteWrites, type StoredRow } from './sqliteWrites.ts'
import { WalCheckpointer } from './walCheckpointer.ts'
import { WalSync } from './walSync.ts'

export interface SqliteDocStoreOptions {
  /** A file path, or ':memory:' for tests that need no durability. */
  path: string
  /**
   * FULL: a write is acknowledged once it is on the disk (survives power loss); NORMAL: once
   * it is in the operating system's hands (survives a crash of the process only). Health data
   * defaults to FULL; commits are grouped, so the cost is per group.
   */
  synchronous?: 'FULL' | 'NORMAL'
  /**
   * Seals every row with its document's data key (encryption at rest, C19). Without one (tests
   * and benchmarks of the store itself) rows are written as they come.
   */
  cipher?: DocCipher
  /** Told how many rows written before encryption at rest were sealed at start-up. */
  onLegacySealed?: (counts: { sealed: number; keyless: number }) => void
  /**
   * Told when folding the log into the database failed. Nothing acknowledged is at risk (it is
   * in the synced log); the log grows until a later fold succeeds.
   */
  onCheckpointFailed?: (error: Error) => void
}

/**
 * The log is folded into the database file after this many transactions or bytes written
 * (SQLite's own default, 1,000 pages of the log, is about 250 small transactions).
 */
const CHECKPOINT_EVERY = { transactions: 256, bytes: 2 * 1024 * 1024 }

/**
 * The default `DocStore`: one SQLite file through the built-in `node:sqlite` (no native addon),
 * in WAL mode, on the caller's thread. A transaction costs tens of microseconds when it does
 * not wait for the disk; with FULL the wait happens off the loop (`WalSync`), so relaying edits
 * never stops for an fsync.
 */
export class SqliteDocStore implements DocStore {
  readonly #db: DatabaseSync
  readonly #selectSnapshot: StatementSync
  readonly #selectUpdates: StatementSync
  readonly #selectNames: StatementSync
  readonly #selectNamesFrom: StatementSync
  readonly #writes: SqliteWrites
  readonly #cipher: DocCipher | null
  /** Null without FULL (or in memory): then SQLite's own syncing is all there is. */
  readonly #wal: WalSync | null
  /** Folds the log on a thread of its own; null where `#wal` is. */
  readonly #checkpointer: WalCheckpointer | null
  readonly #onCheckpointFailed: (error: Error) => void
  readonly #sinceCheckpoint = { transactions: 0, bytes: 0 }
  /** Places are given here, not by SQLite: a row's place is sealed into it. */
  #nextSeq: number
  #closed = false

  constructor(options: SqliteDocStoreOptions) {
    const { path, synchronous = 'FULL', cipher } = options
    preparePrivateFile(path)
    this.#db = new DatabaseSync(path)
    const offLoop = synchronous === 'FULL' && path !== ':memory:'
    prepareDocStoreSchema(this.#db, offLoop ? 'OFF' : synchronous)
    // This connection never folds the log into the database itself: with syncing off it would
    // do so without an fsync, and a log rewound over pages the disk does not have yet could
    // lose acknowledged rows. `#checkpointIfDue` folds it with FULL instead.
    if (offLoop) this.#db.exec('PRAGMA wal_autocheckpoint = 0')
    this.#wal = offLoop ? new WalSync(path) : null
    this.#checkpointer = offLoop ? new WalCheckpointer(path) : null
    this.#onCheckpointFailed = options.onCheckpointFailed ?? (() => undefined)
    this.#cipher = cipher ?? null
    if (cipher) {
      const counts = sealLegacyRows(this.#db, cipher)
      if (counts.sealed + counts.keyless > 0) options.onLegacySealed?.(counts)
    }
    this.#nextSeq = nextSeqOf(this.#db)
    this.#selectSnapshot = this.#db.prepare(
      'SELECT up_to_seq, data, sealed FROM doc_snapshots WHERE doc = ?',
    )
    this.#selectUpdates = this.#db.prepare(
      'SELECT seq, data, sealed FROM doc_updates WHERE doc = ? AND seq > ? ORDER BY seq',
    )
    // A range, not LIKE: exact (no wildcards), and read off the indexes on `doc`.
    this.#selectNames = this.#db.prepare(
      `SELECT doc FROM doc_updates WHERE doc >= :from AND doc < :to
       UNION SELECT doc FROM doc_snapshots WHERE doc >= :from AND doc < :to ORDER BY doc`,
    )
    this.#selectNamesFrom = this.#db.prepare(
      `SELECT doc FROM doc_updates WHERE doc >= :from
       UNION SELECT doc FROM doc_snapshots WHERE doc >= :from ORDER BY doc`,
    )
    this.#writes = new SqliteWrites(this.#db)
  }

  async load(doc: DocName): Promise<StoredDoc> {
    let snap: { up_to_seq: number; data: Uint8Array; sealed: number } | undefined
    let rows: { seq: number; data: Uint8Array; sealed: number }[]
    this.#db.exec('BEGIN')
    try {
      snap = this.#selectSnapshot.get(doc) as typeof snap
      rows = this.#selectUpdates.all(doc, snap?.up_to_seq ?? 0) as typeof rows
    } finally {
      this.#db.exec('COMMIT')
    }
    const snapshotRow = snap && { seq: snap.up_to_seq, data: snap.data, sealed: snap.sealed }
    const cipher = this.#cipher
    return openStoredDoc(cipher && (() => cipher.keyOf(doc)), doc, snapshotRow, rows)
  }

  async append(entries: readonly AppendEntry[]): Promise<Map<DocName, number>> {
    this.#open()
    if (this.#checkpointer?.folding) await this.#afterFold()
    let bytes = 0
    const rows: StoredRow[] = entries.map(({ doc, update }) => {
      const seq = this.#nextSeq++
      const key = this.#cipher?.keyOf(doc)
      bytes += update.byteLength
      return key
        ? { seq, doc, data: sealUpdate(key, doc, seq, update), sealed: true }
        : { seq, doc, data: update, sealed: false }
    })
    const seqs = this.#writes.append(rows)
    await this.#durable(bytes)
    return seqs as Map<DocName, number>
  }

  async compact(doc: DocName, snapshot: Uint8Array, upToSeq: number): Promise<void> {
    this.#open()
    if (this.#checkpointer?.folding) await this.#afterFold()
    const key = this.#cipher?.keyOf(doc)
    const data = key ? sealSnapshot(key, doc, upToSeq, snapshot) : snapshot
    this.#writes.compact(doc, data, upToSeq, key !== undefined)
    // Not waited for: a fold lost with the disk's cache leaves the log it folded, which loads
    // to the same document. The next append's sync covers it. (Measured at 40 rooms: four
    // folds a second, each with its own fsync, were an eighth of all fsyncs.)
    this.#counted(data.byteLength)
    this.#checkpointIfDue()
  }

  async delete(doc: DocName): Promise<void> {
    this.#open()
    if (this.#checkpointer?.folding) await this.#afterFold()
    this.#writes.delete(doc)
    await this.#durable(0)
  }

  async names(prefix: string): Promise<DocName[]> {
    this.#open()
    const to = prefixEnd(prefix)
    const rows =
      to === null
        ? this.#selectNamesFrom.all({ from: prefix })
        : this.#selectNames.all({ from: prefix, to })
    return (rows as { doc: DocName }[]).map((row) => row.doc)
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.#wal?.sync()
    await this.#checkpointer?.close()
    this.#wal?.close()
    if (this.#db.isOpen) this.#db.close()
  }

  #open(): void {
    if (this.#closed) throw new Error('document store is closed')
  }

  /**
   * Writes wait for a fold in progress: SQLite rewinds the log only when a write begins with
   * every frame folded, so a commit landing during each fold (at 10 rooms, most folds) would
   * keep the log growing: 50 MiB after 3,000 back-to-back commits, measured. Relaying does not
   * wait; a commit that meets a fold is acknowledged one fold later (15–22 ms, once in 256).
   * Callers await it only while a fold runs. The store may have been closed meanwhile.
   */
  async #afterFold(): Promise<void> {
    await this.#checkpointer?.folding?.catch(() => undefined)
    this.#open()
  }

  /** Waits until the transaction just committed is on the disk (FULL), folding the log if due. */
  async #durable(bytes: number): Promise<void> {
    if (!this.#wal) return
    this.#counted(bytes)
    await this.#wal.sync()
    this.#checkpointIfDue()
  }

  #counted(bytes: number): void {
    this.#sinceCheckpoint.transactions++
    this.#sinceCheckpoint.bytes += bytes
  }

  /**
   * Folds the log into the database with FULL syncing (log, then database file), on the
   * checkpoint thread's own connection, so the loop goes on relaying. A fold that readers hold
   * back stays partial: SQLite rewinds the log only once every frame is in the database file,
   * and that file synced.
   */
  #checkpointIfDue(): void {
    if (!this.#checkpointer || this.#closed) return
    const due = this.#sinceCheckpoint
    if (due.transactions < CHECKPOINT_EVERY.transactions && due.bytes < CHECKPOINT_EVERY.bytes) {
      // The fold's thread runs while commits come, so no commit waits for it to start.
      this.#checkpointer.warm()
      return
    }
    due.transactions = 0
    due.bytes = 0
    this.#checkpointer.checkpoint().catch((error: unknown) => {
      if (!this.#closed) this.#onCheckpointFailed(error as Error)
    })
  }
}
