import type { MiddlewareHandler } from 'hono'
import type { Rate } from '../limits/Rates.ts'
import type { AppEnv, Services } from './AppEnv.ts'
import { clientAddress } from './clientAddress.ts'
import { TryLater } from './TryLater.ts'

export const RATE_LIMITED_TEXT = 'Too many requests from your network. Please wait a moment.'

/**
 * A token bucket per client address, for routes that cost the server real work (password
 * hashing), counted over every instance (`services.rates`), so that more instances do not let
 * one address hash more.
 */
export function addressRateLimit(
  services: Pick<Services, 'trustedProxies' | 'rates'>,
  rate: Rate,
): MiddlewareHandler<AppEnv> {
  return async function addressRateLimit(c, next) {
    const address = clientAddress(c, services.trustedProxies)
    if (!(await services.rates.take('password-hashing', address, rate))) {
      throw new TryLater(429, RATE_LIMITED_TEXT, 1 / rate.perSecond)
    }
    await next()
  }
}
