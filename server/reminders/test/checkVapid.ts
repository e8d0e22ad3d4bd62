import { createPublicKey, verify } from 'node:crypto'
import { expect } from 'vitest'

/**
 * Checks a push request's `Authorization` header (RFC 8292) as a push service would: the key
 * it names, an ES256 signature that key verifies, and claims for the endpoint's origin that
 * expire within a day of `now`.
 */
export function checkVapid(header: string, endpoint: string, publicKey: string, now: number) {
  const match = /^vapid t=([^,]+), k=(.+)$/.exec(header)
  expect(match).not.toBeNull()
  const [, jwt, k] = match!
  expect(k).toBe(publicKey)
  const [head, claims, signature] = jwt!.split('.') as [string, string, string]
  const point = Buffer.from(k!, 'base64url')
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33).toString('base64url'),
    },
    format: 'jwk',
  })
  const valid = verify(
    'sha256',
    Buffer.from(`${head}.${claims}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  )
  expect(valid).toBe(true)
  expect(JSON.parse(Buffer.from(head, 'base64url').toString())).toEqual({
    typ: 'JWT',
    alg: 'ES256',
  })
  const body = JSON.parse(Buffer.from(claims, 'base64url').toString())
  expect(body.aud).toBe(new URL(endpoint).origin)
  expect(body.exp * 1000).toBeGreaterThan(now)
  expect(body.exp * 1000).toBeLessThanOrEqual(now + 24 * 3_600_000)
  expect(body.sub).toMatch(/^(mailto:|https:)/)
}
