import { randomBytes } from 'node:crypto'
import { renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Clock } from '../clock/clock.ts'
import type { Logger } from '../log/logger.ts'
import { KeyRing } from './keyRing.ts'
import { loadMasterKey, type MasterKey, parseMasterKey } from './masterKey.ts'
import { KEY_BYTES } from './seal.ts'

export interface MasterKeySource {
  configured?: string | undefined
  file?: string | undefined
  dataDir: string
}

/**
 * Rotates the master key online: every data key is rewrapped by a new master in one
 * transaction (the data is not touched), and the new key is written where the current one is
 * read from (`HEARTH_MASTER_KEY_FILE`, or the data folder's `master.key`), atomically, so a
 * running server that reads it again adopts it (KeyRing's reload). A key given in the
 * environment cannot be rewritten from here: the new one goes to `out`, for the operator's
 * secret store. After it, the old master opens nothing: each wrapped key it sealed was
 * overwritten (secure delete) and the ring's log emptied.
 */
export async function rotateMasterKey(
  source: MasterKeySource,
  /** The file ring's path, or the keys database (`HEARTH_KEYS_DATABASE_URL`). */
  keyRing: string | { url: string },
  now: Clock,
  log: Logger,
  options: { next?: MasterKey; out?: string } = {},
): Promise<{ rewrapped: number; newKeyFile: string; masterId: string }> {
  if (source.configured && !options.out) {
    throw new Error(
      'HEARTH_MASTER_KEY is set: give --out <file> for the new key, then put it in your secret store.',
    )
  }
  const current = loadMasterKey(source, log)
  const text = options.next
    ? Buffer.from(options.next.key).toString('base64')
    : randomBytes(KEY_BYTES).toString('base64')
  const next = parseMasterKey(text, 'the new master key')
  const target = options.out ?? source.file ?? join(source.dataDir, 'master.key')
  // Written beside its place first: if the rewrap fails, the current key is still in place.
  const staged = `${target}.new`
  writeFileSync(staged, text, { mode: 0o600 })
  const ring =
    typeof keyRing === 'string'
      ? new KeyRing(keyRing, current, now)
      : await (
          await import('./pgKeyRing.ts')
        ).PgKeyRing.open({ url: keyRing.url, master: current, now, log })
  try {
    const rewrapped = await ring.rewrap(next)
    renameSync(staged, target)
    log.info({ rewrapped, masterId: next.id }, 'master key rotated')
    return { rewrapped, newKeyFile: target, masterId: next.id }
  } finally {
    await ring.close()
  }
}
