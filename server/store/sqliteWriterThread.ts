import { DatabaseSync } from 'node:sqlite'
import { parentPort, workerData } from 'node:worker_threads'
import { unpackEntries } from './packEntries.ts'
import { prepareDocStoreSchema } from './sqliteSchema.ts'
import { SqliteWrites } from './sqliteWrites.ts'
import { sqliteCodeOf } from './StoreWriteError.ts'
import type { WriterRequest, WriterResponse } from './writerMessages.ts'

/**
 * The writer thread of `SqliteDocStore`: requests arrive in order and are committed in order;
 * the main thread keeps relaying edits while this one waits for fsync.
 */
const { path, synchronous } = workerData as { path: string; synchronous: 'FULL' | 'NORMAL' }
const db = new DatabaseSync(path)
prepareDocStoreSchema(db, synchronous)
const writes = new SqliteWrites(db)

parentPort!.on('message', (request: WriterRequest) => {
  let response: WriterResponse
  try {
    switch (request.op) {
      case 'append':
        response = { id: request.id, ok: true, seqs: writes.append(unpackEntries(request.packed)) }
        break
      case 'compact':
        writes.compact(request.doc, request.snapshot, request.upToSeq, request.sealed)
        response = { id: request.id, ok: true }
        break
      case 'delete':
        writes.delete(request.doc)
        response = { id: request.id, ok: true }
        break
      case 'ping':
        response = { id: request.id, ok: true }
        break
      case 'close':
        db.close()
        response = { id: request.id, ok: true }
        break
    }
  } catch (error) {
    response = {
      id: request.id,
      ok: false,
      error: error instanceof Error ? error.message : String(error),
      sqliteCode: sqliteCodeOf(error),
    }
  }
  parentPort!.postMessage(response)
})
