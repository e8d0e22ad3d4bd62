import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

/** `::ffff:10.0.0.1` and `10.0.0.1` are one address. */
const plain = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '')

/**
 * The address a request came from, for rate limits and throttles. Behind a reverse proxy every
 * request arrives from the proxy, so everyone would share one address and one limit: when the
 * peer is one of the configured trusted proxies (`HEARTH_TRUSTED_PROXIES`), the client is the
 * right-most `X-Forwarded-For` entry that is not itself a trusted proxy. A header from any
 * other peer is ignored: anyone can write one.
 */
export function clientAddress(c: Context, trustedProxies: ReadonlySet<string>): string {
  const peer = plain(getConnInfo(c).remote.address ?? 'unknown')
  if (!trustedProxies.has(peer)) return peer
  const forwarded = c.req.header('x-forwarded-for')?.split(',').map(plain).filter(Boolean) ?? []
  for (let i = forwarded.length - 1; i >= 0; i--) {
    if (!trustedProxies.has(forwarded[i]!)) return forwarded[i]!
  }
  return peer
}
