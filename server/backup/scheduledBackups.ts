import type { Clock } from '../clock/clock.ts'
import type { Logger } from '../log/logger.ts'
import { backupDue } from './backupRules.ts'
import { listBackups } from './listBackups.ts'
import { takeBackup } from './takeBackup.ts'

export interface ScheduledBackupOptions {
  dbPath: string
  dir: string
  keep: number
  everyHours: number
  /** The data key of scope `backup`, asked for at each backup (the key ring is the server's). */
  key: () => Uint8Array | Promise<Uint8Array>
  now: Clock
  log: Logger
}

/**
 * The server's own backups (HEARTH_BACKUP_EVERY_HOURS): `runIfDue` is called by the server's
 * minute sweep and takes a backup when the newest in the folder (whoever took it) is a period
 * old on the server's clock. The backup runs on a worker thread; a run still going is never
 * doubled. Logs the file name, bytes and milliseconds, or the failure; never content.
 */
export function scheduledBackups(options: ScheduledBackupOptions): {
  runIfDue(): Promise<void>
  /** Resolves once no backup is running (before the server closes its stores). */
  settle(): Promise<void>
} {
  const { dir, log } = options
  const everyMs = options.everyHours * 3_600_000
  let running: Promise<void> | null = null
  const run = async () => {
    try {
      const now = options.now()
      if (!backupDue(listBackups(dir), now, everyMs)) return
      const result = await takeBackup({
        dbPath: options.dbPath,
        dir,
        key: await options.key(),
        keep: options.keep,
        createdAt: now,
      })
      log.info(
        { backup: result.name, bytes: result.bytes, ms: result.ms, pruned: result.pruned.length },
        'backup written',
      )
    } catch (error) {
      log.error({ err: error }, 'backup failed')
    }
  }
  return {
    runIfDue: () =>
      options.everyHours <= 0
        ? Promise.resolve()
        : (running ??= run().finally(() => {
            running = null
          })),
    settle: async () => void (await running),
  }
}
