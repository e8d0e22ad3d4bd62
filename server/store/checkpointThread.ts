import { DatabaseSync } from 'node:sqlite'
import { parentPort, workerData } from 'node:worker_threads'
import type { CheckpointReply } from './walCheckpointer.ts'

/**
 * The thread of `WalCheckpointer`: its own connection to the database, which only folds the
 * log into the file, with FULL syncing (log first, then the database file), one fold per
 * message. It never writes a row.
 */
const db = new DatabaseSync((workerData as { path: string }).path)
db.exec('PRAGMA busy_timeout = 5000')
db.exec('PRAGMA synchronous = FULL')
const fold = db.prepare('PRAGMA wal_checkpoint(PASSIVE)')

parentPort!.on('message', (message: 'fold' | 'close') => {
  if (message === 'close') {
    db.close()
    parentPort!.close()
    return
  }
  let reply: CheckpointReply
  try {
    const row = fold.get() as { busy: number; log: number; checkpointed: number }
    reply = { ok: true, busy: row.busy, log: row.log, checkpointed: row.checkpointed }
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error))
    reply = { ok: false, name: e.name, message: e.message }
  }
  parentPort!.postMessage(reply)
})
