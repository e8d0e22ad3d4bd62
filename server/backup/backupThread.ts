import { parentPort, workerData } from 'node:worker_threads'
import type { BackupThreadReply } from './takeBackup.ts'
import { type BackupRequest, writeBackup } from './writeBackup.ts'

/** The worker of `takeBackup`: one backup, off the server's event loop, then it exits. */
let reply: BackupThreadReply
try {
  reply = { ok: true, result: writeBackup(workerData as BackupRequest) }
} catch (error) {
  const e = error instanceof Error ? error : new Error(String(error))
  reply = {
    ok: false,
    name: e.name,
    message: e.message,
    kind: (e as { kind?: string }).kind ?? null,
  }
}
parentPort!.postMessage(reply)
