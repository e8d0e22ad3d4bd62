import { Secret, TOTP } from 'otpauth'

/** TOTP (RFC 6238) for facilitators' second factor: 6 digits, 30 s, one step of clock skew. */
function totpFor(secretBase32: string, label: string) {
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
  return new Secret({ size: 20 }).base32
}

export function totpUri(secretBase32: string, label: string): string {
  return totpFor(secretBase32, label).toString()
}

export function checkTotp(secretBase32: string, code: string, now: number): boolean {
  return totpFor(secretBase32, '').validate({ token: code, timestamp: now, window: 1 }) !== null
}

/** The current code; tests and the CLI use it. */
export function currentTotp(secretBase32: string, now: number): string {
  return totpFor(secretBase32, '').generate({ timestamp: now })
}
