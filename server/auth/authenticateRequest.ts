import type { IncomingMessage } from 'node:http'
import type { Clock } from '../clock/clock.ts'
import type { Principal } from './Principal.ts'
import { verifyDevToken, type TokenError } from './devToken.ts'

/** The WebSocket subprotocol a Hearth client offers; the server always selects it. */
export const SYNC_PROTOCOL = 'hearth'
/** A second subprotocol entry carries a token, so it stays out of URLs and access logs. */
export const TOKEN_PROTOCOL_PREFIX = 'auth.'

/**
 * Finds a signed token in an upgrade request: a `auth.<token>` subprotocol (preferred), or a
 * `token` query parameter for stock y-websocket clients that cannot set subprotocols.
 */
export function findToken(req: IncomingMessage, url: URL): string | null {
  const offered = req.headers['sec-websocket-protocol']
  if (offered) {
    for (const p of offered.split(',')) {
      const trimmed = p.trim()
      if (trimmed.startsWith(TOKEN_PROTOCOL_PREFIX))
        return trimmed.slice(TOKEN_PROTOCOL_PREFIX.length)
    }
  }
  return url.searchParams.get('token')
}

export type Authenticate = (
  req: IncomingMessage,
  url: URL,
) => Promise<{ ok: true; principal: Principal } | { ok: false; error: TokenError | 'missing' }>

/**
 * Browsers are authenticated from their login cookie, the same session as HTTP; tools, tests
 * and benchmarks from a token the server signed.
 */
export function authenticateUpgrade(
  secret: string,
  now: Clock,
  fromCookie: (cookieHeader: string | undefined) => Promise<Principal | null>,
): Authenticate {
  return async (req, url) => {
    const token = findToken(req, url)
    if (token) return verifyDevToken(secret, token, now())
    const principal = await fromCookie(req.headers.cookie)
    return principal ? { ok: true, principal } : { ok: false, error: 'missing' }
  }
}
