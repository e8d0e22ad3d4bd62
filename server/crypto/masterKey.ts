import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from '../log/logger.ts'
import { KEY_BYTES } from './seal.ts'

/** The key that wraps every data key; never stored in the database it protects. */
export interface MasterKey {
  /** A short fingerprint (not the key): which master wrapped a data key. */
  id: string
  key: Uint8Array
}

export class MasterKeyProblem extends Error {
  override name = 'MasterKeyProblem'
}

/** 32 bytes, written as base64 or hex (64 hexadecimal digits). */
export function parseMasterKey(text: string, from: string): MasterKey {
  const trimmed = text.trim()
  const key = /^[0-9a-f]{64}$/i.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64')
  if (key.length !== KEY_BYTES) {
    throw new MasterKeyProblem(`${from} must hold 32 random bytes, as base64 or 64 hex digits.`)
  }
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 16), key }
}

/**
 * The master key: from `HEARTH_MASTER_KEY`, else from the file `HEARTH_MASTER_KEY_FILE` names,
 * else (the embedded default, so that a first start needs nothing) generated once into the
 * data folder — with a warning at every start, since a key beside the data protects a copied
 * backup but not a stolen disk.
 */
export function loadMasterKey(
  options: { configured?: string | undefined; file?: string | undefined; dataDir: string },
  log: Logger,
): MasterKey {
  if (options.configured) return parseMasterKey(options.configured, 'HEARTH_MASTER_KEY')
  if (options.file) {
    if (!existsSync(options.file)) {
      throw new MasterKeyProblem(
        `HEARTH_MASTER_KEY_FILE names ${options.file}, which does not exist.`,
      )
    }
    return parseMasterKey(readFileSync(options.file, 'utf8'), options.file)
  }
  const file = join(options.dataDir, 'master.key')
  if (!existsSync(file)) {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 })
    writeFileSync(file, randomBytes(KEY_BYTES).toString('base64'), { mode: 0o600, flag: 'wx' })
  }
  log.warn(
    { file },
    'The master key is kept in the data folder: move it off this disk in production (HEARTH_MASTER_KEY_FILE on another volume, or HEARTH_MASTER_KEY from a secret store), or a stolen disk opens everything on it.',
  )
  return parseMasterKey(readFileSync(file, 'utf8'), file)
}
