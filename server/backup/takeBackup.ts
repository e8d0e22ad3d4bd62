import { Worker } from 'node:worker_threads'
import { BackupFailed, type BackupRequest, type BackupResult } from './writeBackup.ts'

export type BackupThreadReply =
  | { ok: true; result: BackupResult }
  | { ok: false; name: string; message: string; kind: string | null }

/** A backup that failed on its thread, carrying the original error's name (never content). */
export class BackupThreadFailed extends Error {
  override name = 'BackupThreadFailed'
  readonly original: { name: string; kind: string | null }
  constructor(name: string, message: string, kind: string | null) {
    super(message)
    this.original = { name, kind }
  }
}

/**
 * Takes a backup (`writeBackup`) on a worker thread of its own, so the caller's event loop
 * keeps serving sockets while SQLite copies and the chunks are sealed. `npm run backup`, the
 * server's schedule and the restore drill all come through here. Resolves with the file and
 * how long it took.
 */
export function takeBackup(request: BackupRequest): Promise<BackupResult & { ms: number }> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./backupThread.ts', import.meta.url), {
      workerData: request,
    })
    let settled = false
    worker.once('message', (reply: BackupThreadReply) => {
      settled = true
      if (reply.ok) resolve({ ...reply.result, ms: Math.round(performance.now() - started) })
      else if (
        reply.name === 'BackupFailed' &&
        (reply.kind === 'busy' || reply.kind === 'no-database')
      )
        reject(new BackupFailed(reply.kind, reply.message))
      else reject(new BackupThreadFailed(reply.name, reply.message, reply.kind))
    })
    worker.once('error', (error) => {
      settled = true
      reject(error)
    })
    worker.once('exit', (code) => {
      if (!settled)
        reject(new BackupThreadFailed('Exit', `backup thread exited with ${code}`, null))
    })
  })
}
