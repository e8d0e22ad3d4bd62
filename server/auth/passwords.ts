import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { HashQueue } from './HashQueue.ts'

/** scrypt (memory-hard): N=2^15, r=8 uses 32 MiB and about 0.1 s per hash on this machine. */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 }
const KEY_BYTES = 32
const MAX_MEM = 64 * 1024 * 1024

/**
 * Every hash in the process goes through one queue: two at a time (this machine has two
 * cores; the rest of the server needs them too), eight waiting, the rest refused with 503.
 */
export const hashQueue = new HashQueue({ concurrency: 2, maxWaiting: 8 })

function derive(secret: string, salt: Buffer, params: typeof PARAMS): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: MAX_MEM }
  return hashQueue.run(
    () =>
      new Promise((resolve, reject) =>
        scrypt(secret.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) =>
          error ? reject(error) : resolve(key),
        ),
      ),
  )
}

/** `scrypt$N$r$p$salt$key`, so parameters can be raised later without breaking old hashes. */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(secret, salt, PARAMS)
  const { N, r, p } = PARAMS
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !key) return false
  const expected = Buffer.from(key, 'base64url')
  const actual = await derive(secret, Buffer.from(salt, 'base64url'), {
    N: Number(N),
    r: Number(r),
    p: Number(p),
  })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/** A hash to verify against when the account does not exist, so both cases take as long. */
let dummyHash: Promise<string> | null = null
export function dummySecretHash(): Promise<string> {
  // A refused first attempt (busy) must not leave a rejected promise here for good.
  return (dummyHash ??= hashSecret('not-a-real-password-for-timing').catch((error: unknown) => {
    dummyHash = null
    throw error
  }))
}

/**
 * The common passwords, loaded on first use: the list and its set cost tens of MiB and some
 * 25 ms, which a server should pay when someone first chooses a password, not at every start.
 */
let commonSet: Promise<Set<string>> | null = null
const commonPasswords = () =>
  (commonSet ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common'] as string[]),
  ))

export type PasswordProblem = 'too-short' | 'too-long' | 'too-common'

export const MIN_PASSWORD_LENGTH = 12

/**
 * At least 12 characters, and neither a common password nor one with a common password at its
 * core (`password1234`, `Qwerty!!!!!!`).
 */
export async function passwordProblem(password: string): Promise<PasswordProblem | null> {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'too-short'
  if (password.length > 256) return 'too-long'
  const lower = password.toLowerCase()
  const core = lower.replace(/[\d\W_]+$/u, '').replace(/^[\d\W_]+/u, '')
  const common = await commonPasswords()
  if (common.has(lower) || (core.length >= 4 && common.has(core))) return 'too-common'
  if (/^(.)\1+$/u.test(password)) return 'too-common'
  return null
}

export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, string> = {
  'too-short': `Use at least ${MIN_PASSWORD_LENGTH} characters; a few unrelated words work well.`,
  'too-long': 'Use at most 256 characters.',
  'too-common': 'That one is on lists of common passwords. Choose something less guessable.',
}
