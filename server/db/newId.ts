import { randomBytes } from 'node:crypto'
import { ID_PREFIX } from '../../shared/ids/ids.ts'

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567'

/** 20 random base-32 characters (100 bits) behind a kind prefix, e.g. `g3k…`. */
export function newId<K extends keyof typeof ID_PREFIX>(kind: K): string {
  const bytes = randomBytes(20)
  let out: string = ID_PREFIX[kind]
  for (const b of bytes) out += ALPHABET[b & 31]
  return out
}

/** A secret for links and cookies: 32 random bytes, base64url. Stored only as a hash. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url')
}
