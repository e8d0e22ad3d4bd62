import { randomBytes } from 'node:crypto'
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_CHUNK_BYTES, sealBackupFile } from './backupFormat.ts'
import { vacuumInto } from './vacuumInto.ts'
import { backupsToPrune } from './backupRules.ts'
import { backupName, listBackups } from './listBackups.ts'

export interface BackupRequest {
  /** The live data database (WAL); the server may keep writing while this runs. */
  dbPath: string
  /** The backup folder (made 0700); every file in it 0600. */
  dir: string
  /** The data key of scope `backup`. */
  key: Uint8Array
  /** How many backups to keep; older ones are pruned after this one is in place. */
  keep: number
  /** The backup's time, from the caller's clock. */
  createdAt: number
  chunkBytes?: number
}

export interface BackupResult {
  name: string
  file: string
  bytes: number
  pruned: string[]
}

export type BackupProblemKind = 'no-database' | 'busy'

/** A backup that could not be taken; nothing half-made is left behind. */
export class BackupFailed extends Error {
  override name = 'BackupFailed'
  readonly kind: BackupProblemKind
  constructor(kind: BackupProblemKind, message: string) {
    super(message)
    this.kind = kind
  }
}

const LOCK = 'backup.lock'
/** Temporary names start with a dot and never end with `.hbak`. */
const isTemporary = (name: string) => name.startsWith('.') && name.includes('.tmp')

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * One backup at a time per folder (the server's schedule and `npm run backup` may meet). A lock
 * left by a process that died is taken over, and what that process left half-made (a clear
 * copy of the database among it) is removed first.
 */
function takeLock(dir: string): () => void {
  const path = join(dir, LOCK)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx', mode: 0o600 })
      return () => rmSync(path, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number(readFileSync(path, 'utf8'))
      if (Number.isInteger(holder) && holder > 0 && alive(holder)) break
      for (const name of readdirSync(dir))
        if (isTemporary(name)) rmSync(join(dir, name), { force: true })
      rmSync(path, { force: true })
    }
  }
  throw new BackupFailed('busy', `another backup is running in ${dir}`)
}

/** Makes the renames in `dir` durable. */
function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/**
 * Takes one consistent backup of a live WAL database: `VACUUM INTO` reads one snapshot (it
 * holds only a read transaction, so the server's writer is not stopped) into a clear copy in
 * the backup folder, which is sealed chunk by chunk into a temporary file, fsynced and renamed
 * into place; the clear copy is removed whatever happens. Then retention prunes.
 *
 * Synchronous and slow on a large database: the server runs it on a worker thread
 * (`takeBackup`). The key ring is not in it by design (see docs: Backups and restore).
 */
export function writeBackup(request: BackupRequest): BackupResult {
  const { dbPath, dir, key, keep, createdAt } = request
  if (!existsSync(dbPath)) throw new BackupFailed('no-database', `no database at ${dbPath}`)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  chmodSync(dir, 0o700)
  const release = takeLock(dir)
  const id = randomBytes(16).toString('hex')
  const name = backupName(createdAt, id)
  const plain = join(dir, `.${name}.plain.tmp`)
  const sealing = join(dir, `.${name}.tmp`)
  try {
    vacuumInto(dbPath, plain)
    const header = { id, createdAt, chunkBytes: request.chunkBytes ?? DEFAULT_CHUNK_BYTES }
    const bytes = sealBackupFile(key, header, plain, sealing)
    const file = join(dir, name)
    renameSync(sealing, file)
    fsyncDir(dir)
    // The new one stays even if the clock was set back below older ones.
    const pruned = backupsToPrune(listBackups(dir), keep)
      .map((b) => b.name)
      .filter((old) => old !== name)
    for (const old of pruned) unlinkSync(join(dir, old))
    return { name, file, bytes, pruned }
  } finally {
    for (const temporary of [plain, `${plain}-journal`, sealing]) rmSync(temporary, { force: true })
    release()
  }
}
