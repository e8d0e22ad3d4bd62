import { createRequire } from 'node:module'
import type * as OtpAuth from 'otpauth'

const require = createRequire(import.meta.url)
let otpauthModule: typeof OtpAuth | null = null
/**
 * `otpauth` loads when a second factor is first set up or checked, not at every start. It is
 * required rather than imported so that these functions stay synchronous for their callers.
 */
const otpauth = () => (otpauthModule ??= require('otpauth') as typeof OtpAuth)

/** TOTP (RFC 6238) for facilitators' second factor: 6 digits, 30 s, one step of clock skew. */
function totpFor(secretBase32: string, label: string) {
  const { Secret, TOTP } = otpauth()
  return new TOTP({
    issuer: 'Hearth',
    label,
    secret: Secret.fromBase32(secretBase32),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  })
}

export function newTotpSecret(): string {
  const { Secret } = otpauth()
  return new Secret({ size: 20 }).base32
}

export function totpUri(secretBase32: string, label: string): string {
  return totpFor(secretBase32, label).toString()
}

const PERIOD_MS = 30_000

/**
 * The time step a code belongs to (within one step of `now`), or null when it matches none.
 * The caller accepts it only past the last step it accepted, so a code cannot be used twice.
 */
export function totpStep(secretBase32: string, code: string, now: number): number | null {
  const delta = totpFor(secretBase32, '').validate({ token: code, timestamp: now, window: 1 })
  return delta === null ? null : Math.floor(now / PERIOD_MS) + delta
}

/** The current code; tests and the CLI use it. */
export function currentTotp(secretBase32: string, now: number): string {
  return totpFor(secretBase32, '').generate({ timestamp: now })
}
