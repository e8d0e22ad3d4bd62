import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { systemClock } from '../clock/clock.ts'
import { parseConfig } from '../config/config.ts'
import { KeyRing } from '../crypto/keyRing.ts'
import { loadMasterKey } from '../crypto/masterKey.ts'
import { createLogger } from '../log/logger.ts'
import { RestoreFailed, restoreBackup } from './restoreBackup.ts'

/**
 * `npm run restore -- <backup file> <fresh data folder>`: verifies and restores a backup into
 * a new data folder, with a copy of the current key ring, and says how to start on it. Run it
 * with the same configuration (master key, key ring) as the server whose backup it is.
 */
const { positionals } = parseArgs({ allowPositionals: true })
if (positionals.length !== 2) {
  process.stderr.write('usage: npm run restore -- <backup file> <fresh data folder>\n')
  process.exit(2)
}
const [file, target] = positionals as [string, string]
const config = parseConfig(process.env)
const log = createLogger(config.logLevel, process.stderr)
const embeddedMaster = !config.masterKey.configured && !config.masterKey.file
let keys: KeyRing | undefined
try {
  // Opening a key ring that is not there would make an empty one (and perhaps a master key).
  if (!existsSync(config.keyRingPath)) {
    throw new RestoreFailed(
      'no-key-ring',
      `no key ring at ${config.keyRingPath}: put back the key ring saved beside your backups (HEARTH_KEYRING_PATH), with its master key`,
    )
  }
  keys = new KeyRing(
    config.keyRingPath,
    loadMasterKey({ ...config.masterKey, dataDir: config.dataDir }, log),
    systemClock,
  )
  if (!(await keys.has('backup'))) {
    throw new RestoreFailed(
      'no-key-ring',
      `the key ring at ${config.keyRingPath} has no backup key: run this with the configuration of the server that took the backup`,
    )
  }
  const result = restoreBackup({
    file,
    target,
    key: keys.keyOf('backup'),
    keyRingPath: config.keyRingPath,
    // The signing secret and push keys keep logins and reminders working; the master key
    // only when it is the embedded default (else it stays where it is configured).
    extras: [
      ...(config.secret ? [] : [join(config.dataDir, 'secret.key')]),
      join(config.dataDir, 'vapid.json'),
      ...(embeddedMaster ? [join(config.dataDir, 'master.key')] : []),
    ],
  })
  const out = (line: string) => process.stdout.write(`${line}\n`)
  out(`Restored the backup of ${new Date(result.header.createdAt).toISOString()} into ${target}:`)
  out(`  ${result.dbPath} (checked), ${result.keyRingPath} (the current key ring)`)
  if (result.copied.length > 0) out(`  and ${result.copied.join(', ')} from ${config.dataDir}`)
  out('Groups erased since the backup stay unreadable: their keys are gone from the ring.')
  out('Next: stop the old server, then start on the restored folder with the same master key:')
  out(`  HEARTH_DATA_DIR=${target} npm start`)
  if (!embeddedMaster) out('  with HEARTH_MASTER_KEY or HEARTH_MASTER_KEY_FILE set as now.')
  if (process.env.HEARTH_DB_PATH || process.env.HEARTH_KEYRING_PATH) {
    out('  and unset HEARTH_DB_PATH and HEARTH_KEYRING_PATH (or point them at the restored files).')
  }
} catch (error) {
  process.stderr.write(
    `Restore failed: ${error instanceof Error ? error.message : String(error)}\n`,
  )
  process.exitCode = 1
} finally {
  await keys?.close()
}
