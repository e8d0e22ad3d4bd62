import type { MiddlewareHandler } from 'hono'
import { TokenBucket, type Rate } from '../sync/TokenBucket.ts'
import type { AppEnv, Services } from './AppEnv.ts'
import { clientAddress } from './clientAddress.ts'
import { TryLater } from './TryLater.ts'

export const RATE_LIMITED_TEXT = 'Too many requests from your network. Please wait a moment.'

/**
 * A token bucket per client address, for routes that cost the server real work (password
 * hashing). Memory stays bounded: past `maxAddresses` the least recently seen is forgotten.
 */
export function addressRateLimit(
  services: Pick<Services, 'trustedProxies'>,
  rate: Rate,
  maxAddresses = 10_000,
): MiddlewareHandler<AppEnv> {
  const buckets = new Map<string, TokenBucket>()
  return async function addressRateLimit(c, next) {
    const address = clientAddress(c, services.trustedProxies)
    let bucket = buckets.get(address)
    if (bucket) {
      buckets.delete(address) // re-inserted below: the Map's order is least recent first
    } else {
      bucket = new TokenBucket(rate)
      if (buckets.size >= maxAddresses) buckets.delete(buckets.keys().next().value!)
    }
    buckets.set(address, bucket)
    if (!bucket.take()) throw new TryLater(429, RATE_LIMITED_TEXT, 1 / rate.perSecond)
    await next()
  }
}
