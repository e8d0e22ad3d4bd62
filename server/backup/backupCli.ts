import { parseArgs } from 'node:util'
import { systemClock } from '../clock/clock.ts'
import { parseConfig } from '../config/config.ts'
import { KeyRing } from '../crypto/keyRing.ts'
import { loadMasterKey } from '../crypto/masterKey.ts'
import { createLogger } from '../log/logger.ts'
import { listBackups } from './listBackups.ts'
import { takeBackup } from './takeBackup.ts'

/**
 * `npm run backup`: one encrypted backup of the configured database, taken while the server
 * runs, into HEARTH_BACKUP_DIR; then the oldest beyond HEARTH_BACKUP_KEEP are pruned.
 * `npm run backup -- --list`: the backups there, newest first.
 */
const { values } = parseArgs({ options: { list: { type: 'boolean', default: false } } })
const config = parseConfig(process.env)
const out = (line: string) => process.stdout.write(`${line}\n`)
const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`

if (values.list) {
  const backups = listBackups(config.backup.dir)
  if (backups.length === 0) out(`No backups in ${config.backup.dir}`)
  for (const b of backups) {
    const time = b.createdAt === null ? 'unreadable header' : new Date(b.createdAt).toISOString()
    out(`${b.name}  ${time}  ${size(b.bytes)}`)
  }
  process.exit(0)
}

// Logs (the master key's warning) go to stderr; stdout says what was done.
const log = createLogger(config.logLevel, process.stderr)
let keys: KeyRing | undefined
try {
  keys = new KeyRing(
    config.keyRingPath,
    loadMasterKey({ ...config.masterKey, dataDir: config.dataDir }, log),
    systemClock,
  )
  const result = await takeBackup({
    dbPath: config.dbPath,
    dir: config.backup.dir,
    key: keys.keyOf('backup'),
    keep: config.backup.keep,
    createdAt: systemClock(),
  })
  out(`Backup written: ${result.file} (${size(result.bytes)}, ${result.ms} ms)`)
  if (result.pruned.length > 0) out(`Pruned ${result.pruned.length} older backup(s).`)
  out(
    `The key ring (${config.keyRingPath}) and the master key are not in it: back them up` +
      ' separately, or the backup cannot be read.',
  )
} catch (error) {
  process.stderr.write(`Backup failed: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
} finally {
  await keys?.close()
}
