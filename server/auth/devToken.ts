import { createHmac, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import type { Principal } from './Principal.ts'

type TokenPrincipal = Extract<Principal, { kind: 'token' }>

const payloadSchema = z.object({
  sub: z.string().min(1).max(64),
  grants: z
    .array(
      z.object({
        prefix: z.string().max(200),
        access: z.enum(['write', 'read']),
      }),
    )
    .max(32),
  exp: z.number().int(),
})

const b64 = (buf: Buffer | string) => Buffer.from(buf).toString('base64url')
const sign = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest()

/**
 * Signed development tokens: `base64url(json).base64url(hmac-sha256)`. They stand in for the
 * account sessions of a later issue; the sync server sees only the resulting `Principal`.
 */
export function signDevToken(
  secret: string,
  principal: Omit<TokenPrincipal, 'kind'> & { kind?: 'token' },
): string {
  const body = b64(
    JSON.stringify({ sub: principal.id, grants: principal.grants, exp: principal.expiresAt }),
  )
  return `${body}.${b64(sign(secret, body))}`
}

export type TokenError = 'malformed' | 'bad-signature' | 'expired'

/** Verifies a token; expected failures are returned, not thrown. */
export function verifyDevToken(
  secret: string,
  token: string,
  now: number,
): { ok: true; principal: TokenPrincipal } | { ok: false; error: TokenError } {
  const [body, sig, extra] = token.split('.')
  if (!body || !sig || extra !== undefined) return { ok: false, error: 'malformed' }
  const expected = sign(secret, body)
  const given = Buffer.from(sig, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, error: 'bad-signature' }
  }
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))
  } catch {
    return { ok: false, error: 'malformed' }
  }
  const parsed = payloadSchema.safeParse(json)
  if (!parsed.success) return { ok: false, error: 'malformed' }
  if (parsed.data.exp <= now) return { ok: false, error: 'expired' }
  const { sub, grants, exp } = parsed.data
  return { ok: true, principal: { kind: 'token', id: sub, grants, expiresAt: exp } }
}
