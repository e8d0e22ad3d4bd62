import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface VapidKeys {
  /** Uncompressed P-256 point, base64url: what browsers subscribe with. */
  publicKey: string
  /** The private scalar, base64url. */
  privateKey: string
}

/**
 * The server's VAPID key pair: generated on first start and kept in the data folder (readable
 * by its owner only), so that subscriptions made by browsers survive restarts.
 */
export function loadVapidKeys(dataDir: string): VapidKeys {
  const file = join(dataDir, 'vapid.json')
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as VapidKeys
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const keys = newVapidKeys()
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 })
  return keys
}

/**
 * A new VAPID key pair in web-push's format, made with Node's own crypto: loading the `web-push`
 * library for it would cost a fresh install's first start about 50 ms.
 */
export function newVapidKeys(): VapidKeys {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
  const jwk = privateKey.export({ format: 'jwk' })
  const point = Buffer.concat([
    Buffer.from([4]),
    Buffer.from(jwk.x!, 'base64url'),
    Buffer.from(jwk.y!, 'base64url'),
  ])
  return { publicKey: point.toString('base64url'), privateKey: jwk.d! }
}

/** How long a push service may accept one signature (the standard allows up to 24 hours). */
const JWT_LIFETIME_S = 12 * 60 * 60

/**
 * The `Authorization` header of a push request (RFC 8292): a JWT for the push service's
 * origin, signed ES256 with our VAPID key. Signed here rather than by `web-push`, so that its
 * expiry is read from the server's one clock.
 */
export function vapidAuthorization(
  endpoint: string,
  keys: VapidKeys,
  subject: string,
  nowMs: number,
): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const claims = {
    aud: new URL(endpoint).origin,
    exp: Math.floor(nowMs / 1000) + JWT_LIFETIME_S,
    sub: subject,
  }
  const unsigned = `${encode({ typ: 'JWT', alg: 'ES256' })}.${encode(claims)}`
  const point = Buffer.from(keys.publicKey, 'base64url')
  const key = createPrivateKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      d: keys.privateKey,
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  })
  const signature = sign('sha256', Buffer.from(unsigned), { key, dsaEncoding: 'ieee-p1363' })
  return `vapid t=${unsigned}.${signature.toString('base64url')}, k=${keys.publicKey}`
}
