import { preparePrivateFile } from '../db/preparePrivateFile.ts'
import { DatabaseSync, type StatementSync } from 'node:sqlite'
import { Worker } from 'node:worker_threads'
import type { DocName } from '../../shared/documents/docName.ts'
import type { AppendEntry, DocStore, StoredDoc } from './DocStore.ts'
import { type DocCipher, openSnapshot, openUpdate, sealSnapshot, sealUpdate } from './docCipher.ts'
import { packEntries, type StoredRow } from './packEntries.ts'
import { sealLegacyRows } from './sealLegacyRows.ts'
import { nextSeqOf, prepareDocStoreSchema } from './sqliteSchema.ts'
import { SqliteWrites } from './sqliteWrites.ts'
import { StoreWriteError } from './StoreWriteError.ts'
import type { WriterRequest, WriterResponse } from './writerMessages.ts'

export interface SqliteDocStoreOptions {
  /** A file path, or ':memory:' for tests that need no durability. */
  path: string
  /**
   * FULL fsyncs the WAL on every commit (survives power loss); NORMAL survives a process crash
   * only. Health data defaults to FULL; commits are batched, so the cost is per batch.
   */
  synchronous?: 'FULL' | 'NORMAL'
  /**
   * 'thread' (default for files) commits on a worker thread: a commit with FULL waits about a
   * millisecond for fsync, which would otherwise stall every socket. 'inline' commits on the
   * caller's thread (in-memory databases cannot be shared with a thread).
   */
  writer?: 'thread' | 'inline'
  /**
   * Seals every row with its document's data key (encryption at rest, C19). Without one (tests
   * and benchmarks of the store itself) rows are written as they come.
   */
  cipher?: DocCipher
  /** Told how many rows written before encryption at rest were sealed at start-up. */
  onLegacySealed?: (counts: { sealed: number; keyless: number }) => void
}

type Pending = { resolve: (r: WriterResponse & { ok: true }) => void; reject: (e: Error) => void }

/**
 * The default `DocStore`: one SQLite file through the built-in `node:sqlite` (no native addon),
 * in WAL mode. Reads run on the caller's connection; WAL lets them proceed beside a commit.
 */
export class SqliteDocStore implements DocStore {
  readonly #db: DatabaseSync
  readonly #selectSnapshot: StatementSync
  readonly #selectUpdates: StatementSync
  readonly #inline: SqliteWrites | null
  readonly #worker: Worker | null
  readonly #pending = new Map<number, Pending>()
  readonly #cipher: DocCipher | null
  #nextId = 1
  /** Places are given here, not by SQLite: a row's place is sealed into it. */
  #nextSeq: number
  #closed = false

  constructor(options: SqliteDocStoreOptions) {
    const { path, synchronous = 'FULL', writer, cipher } = options
    preparePrivateFile(path)
    this.#db = new DatabaseSync(path)
    prepareDocStoreSchema(this.#db, synchronous)
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
    const useThread = (writer ?? (path === ':memory:' ? 'inline' : 'thread')) === 'thread'
    this.#inline = useThread ? null : new SqliteWrites(this.#db)
    this.#worker = useThread
      ? new Worker(new URL('./sqliteWriterThread.ts', import.meta.url), {
          workerData: { path, synchronous },
        })
      : null
    this.#worker?.on('message', (response: WriterResponse) => {
      const waiting = this.#pending.get(response.id)
      this.#pending.delete(response.id)
      if (!waiting) return
      if (response.ok) waiting.resolve(response)
      else {
        waiting.reject(
          new StoreWriteError(
            `document store write failed: ${response.error}`,
            response.sqliteCode,
          ),
        )
      }
    })
    this.#worker?.on('error', (error) => this.#failAll(error))
    this.#worker?.on('exit', () => this.#failAll(new Error('document store writer stopped')))
  }

  /**
   * Resolves once the writer thread runs; the server waits for it before it listens, so the
   * first edit after a start does not wait for a thread to boot.
   */
  ready(): Promise<void> {
    const worker = this.#worker
    if (!worker) return Promise.resolve()
    return this.#send({ op: 'ping' }).then(() => undefined)
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
    const after = snap?.up_to_seq ?? 0
    const opener = new RowOpener(this.#cipher, doc)
    const snapshot = snap ? opener.open(snap.data, snap.sealed, openSnapshot, after) : null
    let updateBytes = 0
    const updates: Uint8Array[] = []
    for (const row of rows) {
      const update = opener.open(row.data, row.sealed, openUpdate, row.seq)
      if (!update) continue
      updateBytes += update.byteLength
      updates.push(update)
    }
    const loaded: StoredDoc = { snapshot, updates, lastSeq: rows.at(-1)?.seq ?? after, updateBytes }
    if (opener.rejected > 0) {
      loaded.rejected = { rows: opener.rejected, reason: opener.reason ?? 'unknown' }
    }
    return loaded
  }

  async append(entries: readonly AppendEntry[]): Promise<Map<DocName, number>> {
    const rows: StoredRow[] = entries.map(({ doc, update }) => {
      const seq = this.#nextSeq++
      const key = this.#cipher?.keyOf(doc)
      return key
        ? { seq, doc, data: sealUpdate(key, doc, seq, update), sealed: true }
        : { seq, doc, data: update, sealed: false }
    })
    const seqs = this.#inline
      ? this.#inline.append(rows)
      : ((await this.#send({ op: 'append', packed: packEntries(rows) })).seqs ?? [])
    return new Map(seqs as [DocName, number][])
  }

  async compact(doc: DocName, snapshot: Uint8Array, upToSeq: number): Promise<void> {
    const key = this.#cipher?.keyOf(doc)
    const data = key ? sealSnapshot(key, doc, upToSeq, snapshot) : snapshot
    if (this.#inline) this.#inline.compact(doc, data, upToSeq, key !== undefined)
    else await this.#send({ op: 'compact', doc, snapshot: data, upToSeq, sealed: !!key })
  }

  async delete(doc: DocName): Promise<void> {
    if (this.#inline) this.#inline.delete(doc)
    else await this.#send({ op: 'delete', doc })
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    if (this.#worker) {
      await this.#send({ op: 'close' }, true)
      await this.#worker.terminate()
    }
    if (this.#db.isOpen) this.#db.close()
  }

  #send(request: DistributiveOmit<WriterRequest, 'id'>, closing = false) {
    if (this.#closed && !closing) return Promise.reject(new Error('document store is closed'))
    const id = this.#nextId++
    return new Promise<WriterResponse & { ok: true }>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject })
      const transfer = request.op === 'append' ? [request.packed.buffer as ArrayBuffer] : []
      this.#worker!.postMessage({ ...request, id }, transfer)
    })
  }

  #failAll(error: Error): void {
    for (const { reject } of this.#pending.values()) reject(error)
    this.#pending.clear()
  }
}

/**
 * Opens one document's rows, counting those that do not open (changed on disk, moved, or
 * their key erased) instead of throwing: the caller serves what is sound and reports the rest.
 */
class RowOpener {
  rejected = 0
  reason: string | null = null
  #key: Uint8Array | null | undefined
  readonly #cipher: DocCipher | null
  readonly #doc: DocName

  constructor(cipher: DocCipher | null, doc: DocName) {
    this.#cipher = cipher
    this.#doc = doc
  }

  open(
    data: Uint8Array,
    sealed: number,
    opener: (key: Uint8Array, doc: string, place: number, data: Uint8Array) => Uint8Array,
    place: number,
  ): Uint8Array | null {
    if (!sealed) return data
    try {
      const key = this.#keyOf()
      if (!key) throw new Error('no key ring was given to open sealed rows')
      return opener(key, this.#doc, place, data)
    } catch (error) {
      this.rejected++
      this.reason ??= error instanceof Error ? error.message : String(error)
      return null
    }
  }

  #keyOf(): Uint8Array | null {
    if (this.#key === undefined) this.#key = this.#cipher?.keyOf(this.#doc) ?? null
    return this.#key
  }
}

type DistributiveOmit<T, K extends keyof never> = T extends unknown ? Omit<T, K> : never
