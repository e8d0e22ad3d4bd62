import { describe, expect, it } from 'vitest'
import { signDevToken, verifyDevToken } from './devToken.ts'

const secret = 'x'.repeat(32)
const principal = {
  kind: 'token' as const,
  id: 'p_1',
  grants: [{ prefix: 'playground/', access: 'write' as const }],
  expiresAt: 2_000,
}

describe('dev tokens', () => {
  it('round-trips a principal', () => {
    const result = verifyDevToken(secret, signDevToken(secret, principal), 1_000)
    expect(result).toEqual({ ok: true, principal })
  })

  it('refuses expired, tampered, foreign and malformed tokens', () => {
    const token = signDevToken(secret, principal)
    expect(verifyDevToken(secret, token, 2_000)).toEqual({ ok: false, error: 'expired' })
    expect(verifyDevToken('y'.repeat(32), token, 0)).toEqual({ ok: false, error: 'bad-signature' })
    const [body, sig] = token.split('.')
    const forged = Buffer.from(
      JSON.stringify({ sub: 'p_1', grants: [{ prefix: '', access: 'write' }], exp: 9e12 }),
    ).toString('base64url')
    expect(verifyDevToken(secret, `${forged}.${sig}`, 0)).toMatchObject({ ok: false })
    expect(verifyDevToken(secret, `${body}`, 0)).toEqual({ ok: false, error: 'malformed' })
    expect(verifyDevToken(secret, `${body}.${sig}.x`, 0)).toEqual({ ok: false, error: 'malformed' })
  })
})
