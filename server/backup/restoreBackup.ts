import {
  chmodSync,
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs'
import { basename, join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { vacuumInto } from './vacuumInto.ts'
import { quickCheck } from '../db/quickCheck.ts'
import { type BackupHeader, openBackupFile } from './backupFormat.ts'

export interface RestoreRequest {
  /** The backup file. */
  file: string
  /** A folder that does not exist yet or is empty: the new data folder. */
  target: string
  /** The data key of scope `backup`, from the current key ring. */
  key: Uint8Array
  /** The current key ring, copied beside the restored data. */
  keyRingPath: string
  /** Small files of the current data folder to copy too when they exist (secret, VAPID keys). */
  extras?: readonly string[]
}

export interface RestoreResult {
  header: BackupHeader
  dbPath: string
  keyRingPath: string
  /** The names of the extras that were copied. */
  copied: string[]
}

export type RestoreProblemKind = 'target-not-empty' | 'no-key-ring' | 'damaged-database'

/** A restore that was refused or failed; the target folder is left as it was found. */
export class RestoreFailed extends Error {
  override name = 'RestoreFailed'
  readonly kind: RestoreProblemKind
  constructor(kind: RestoreProblemKind, message: string) {
    super(message)
    this.kind = kind
  }
}

/** Opens the target folder: made 0700 when missing; refused when anything is in it. */
function prepareTarget(target: string): { made: boolean } {
  if (existsSync(target)) {
    if (!statSync(target).isDirectory() || readdirSync(target).length > 0) {
      throw new RestoreFailed(
        'target-not-empty',
        `${target} is not an empty folder: restore into a fresh one, never over data`,
      )
    }
    chmodSync(target, 0o700)
    return { made: false }
  }
  mkdirSync(target, { recursive: true, mode: 0o700 })
  return { made: true }
}

/**
 * Restores a backup into a fresh data folder: every chunk is opened and verified into a
 * temporary file, which becomes `hearth.sqlite` only once the whole file has opened; then
 * SQLite's quick check, then the current key ring beside it (`keys.sqlite`), so that a server
 * started on the folder with the same master key reads everything, except what was erased
 * since the backup (its key is gone from the ring). Any failure leaves the folder as found.
 */
export function restoreBackup(request: RestoreRequest): RestoreResult {
  const { file, target, key, keyRingPath } = request
  if (!existsSync(keyRingPath)) {
    throw new RestoreFailed('no-key-ring', `no key ring at ${keyRingPath}: nothing could be read`)
  }
  const { made } = prepareTarget(target)
  const dbPath = join(target, 'hearth.sqlite')
  const restoring = join(target, '.hearth.sqlite.restoring')
  const ringCopy = join(target, 'keys.sqlite')
  try {
    const fd = openSync(restoring, 'wx', 0o600)
    let header: BackupHeader
    try {
      header = openBackupFile(key, file, (plain) => {
        for (let done = 0; done < plain.length;) done += writeSync(fd, plain, done)
      })
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(restoring, dbPath)
    const db = new DatabaseSync(dbPath)
    const check = quickCheck(db)
    db.close()
    if (!check.ok) {
      throw new RestoreFailed('damaged-database', `quick_check: ${check.problems.join('; ')}`)
    }
    vacuumInto(keyRingPath, ringCopy)
    const copied: string[] = []
    for (const extra of request.extras ?? []) {
      if (!existsSync(extra)) continue
      const to = join(target, basename(extra))
      copyFileSync(extra, to, constants.COPYFILE_EXCL)
      chmodSync(to, 0o600)
      copied.push(basename(extra))
    }
    return { header, dbPath, keyRingPath: ringCopy, copied }
  } catch (error) {
    if (made) rmSync(target, { recursive: true, force: true })
    else
      for (const name of readdirSync(target))
        rmSync(join(target, name), { recursive: true, force: true })
    throw error
  }
}
