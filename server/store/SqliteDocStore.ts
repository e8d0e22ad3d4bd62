import { preparePrivateFile } from '../db/preparePrivateFile.ts'
import { DatabaseSync, type StatementSync } from 'node:sqlite'
import { Worker } from 'node:worker_threads'
import type { DocName } from '../../shared/documents/docName.ts'
import type { AppendEntry, DocStore, StoredDoc } from './DocStore.ts'
import { packEntries } from './packEntries.ts'
import { prepareDocStoreSchema } from './sqliteSchema.ts'
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
  #nextId = 1
  #closed = false

  constructor({ path, synchronous = 'FULL', writer }: SqliteDocStoreOptions) {
    preparePrivateFile(path)
    this.#db = new DatabaseSync(path)
    prepareDocStoreSchema(this.#db, synchronous)
    this.#selectSnapshot = this.#db.prepare(
      'SELECT up_to_seq, data FROM doc_snapshots WHERE doc = ?',
    )
    this.#selectUpdates = this.#db.prepare(
      'SELECT seq, data FROM doc_updates WHERE doc = ? AND seq > ? ORDER BY seq',
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
    this.#db.exec('BEGIN')
    try {
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
    } finally {
      this.#db.exec('COMMIT')
    }
  }

  async append(entries: readonly AppendEntry[]): Promise<Map<DocName, number>> {
    const seqs = this.#inline
      ? this.#inline.append(entries)
      : ((await this.#send({ op: 'append', packed: packEntries(entries) })).seqs ?? [])
    return new Map(seqs as [DocName, number][])
  }

  async compact(doc: DocName, snapshot: Uint8Array, upToSeq: number): Promise<void> {
    if (this.#inline) this.#inline.compact(doc, snapshot, upToSeq)
    else await this.#send({ op: 'compact', doc, snapshot, upToSeq })
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

type DistributiveOmit<T, K extends keyof never> = T extends unknown ? Omit<T, K> : never
