import { describe, expect, it } from 'vitest'
import { newVapidKeys, vapidAuthorization } from './vapid.ts'
import { webPush } from './webPush.ts'
import { checkVapid } from './test/checkVapid.ts'

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
    checkVapid(header, 'https://push.example.net/send/abc', keys.publicKey, 1_700_000_000_000)
  })
})
