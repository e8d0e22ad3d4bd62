import { createPublicKey, verify } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { newVapidKeys, vapidAuthorization } from './vapid.ts'
import { webPush } from './webPush.ts'

describe('VAPID keys made with Node’s crypto', () => {
  it('are what web-push takes, and sign push requests its public half verifies', () => {
    const keys = newVapidKeys()
    expect(Buffer.from(keys.publicKey, 'base64url')).toHaveLength(65)
    expect(Buffer.from(keys.privateKey, 'base64url')).toHaveLength(32)
    // web-push checks both halves' encoding and length.
    expect(() =>
      webPush().setVapidDetails('mailto:care@clinic.example', keys.publicKey, keys.privateKey),
    ).not.toThrow()
    expect(newVapidKeys().privateKey).not.toBe(keys.privateKey)

    const header = vapidAuthorization(
      'https://push.example.net/send/abc',
      keys,
      'mailto:care@clinic.example',
      1_700_000_000_000,
    )
    const jwt = /^vapid t=([^,]+), k=(.+)$/.exec(header)!
    expect(jwt[2]).toBe(keys.publicKey)
    const [head, claims, signature] = jwt[1]!.split('.') as [string, string, string]
    const point = Buffer.from(keys.publicKey, 'base64url')
    const publicKey = createPublicKey({
      key: {
        kty: 'EC',
        crv: 'P-256',
        x: point.subarray(1, 33).toString('base64url'),
        y: point.subarray(33).toString('base64url'),
      },
      format: 'jwk',
    })
    const ok = verify(
      'sha256',
      Buffer.from(`${head}.${claims}`),
      { key: publicKey, dsaEncoding: 'ieee-p1363' },
      Buffer.from(signature, 'base64url'),
    )
    expect(ok).toBe(true)
  })
})
