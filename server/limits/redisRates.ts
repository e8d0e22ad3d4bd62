import { createHmac } from 'node:crypto'
import type { Redis, RedisOptions } from 'ioredis'
import type { Clock } from '../clock/clock.ts'
import type { Logger } from '../log/logger.ts'
import { localRates } from './localRates.ts'
import type { Rate, Rates } from './Rates.ts'
import { CLAIM_QUIET, TAKE_TOKEN } from './redisScripts.ts'

/** At most one warning a minute while Redis fails: a limiter must not flood the log. */
const WARN_EVERY_MS = 60_000

/** The client with the two scripts defined on it (ioredis adds them as methods). */
interface RatesClient extends Redis {
  hearthTakeToken(
    key: string,
    now: string,
    perSecond: string,
    burst: string,
    ttl: string,
  ): Promise<number>
  hearthClaimQuiet(key: string, now: string, wait: string, ttl: string): Promise<number>
}

/**
 * Where a key lives: an HMAC of it under a key derived from the server's secret (which every
 * instance shares), so that no client address or person id sits in Redis in clear, and the
 * kind in clear (it names a limit, not a person). Claims have names of their own: a kind's
 * bucket and claim of one key are two things.
 */
export function rateKeyNames(secret: string) {
  const hashKey = createHmac('sha256', secret).update('hearth rate-limit keys').digest()
  const hashed = (key: string) => createHmac('sha256', hashKey).update(key).digest('base64url')
  return {
    bucket: (kind: string, key: string) => `hearth:rate:${kind}:${hashed(key)}`,
    claim: (kind: string, key: string) => `hearth:rate:quiet:${kind}:${hashed(key)}`,
  }
}

/**
 * The limits in Redis, shared by every instance that uses it. A call that fails (Redis down,
 * slow past `commandTimeout`) is answered by this instance's own limiter instead: the limit
 * then holds per instance, which is the most Hearth can promise without Redis, and a warning
 * says so (once a minute at most, with no key in it).
 */
export async function redisRates(
  url: string,
  settings: { secret: string; now: Clock; log: Logger; redis?: RedisOptions },
): Promise<Rates> {
  const { now, log } = settings
  const { Redis } = await import('ioredis')
  const client = new Redis(url, {
    lazyConnect: true,
    // A limiter must answer now: without Redis a command fails at once and the instance counts
    // on its own, rather than holding the request until Redis is back.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 500,
    retryStrategy: (times) => Math.min(50 * times, 1_000),
    ...settings.redis,
  }) as RatesClient
  client.defineCommand('hearthTakeToken', { numberOfKeys: 1, lua: TAKE_TOKEN })
  client.defineCommand('hearthClaimQuiet', { numberOfKeys: 1, lua: CLAIM_QUIET })
  const local = localRates(now)
  const names = rateKeyNames(settings.secret)
  let warnedAt = -Infinity
  let failing = false
  let closed = false
  const warn = (error: unknown, message: string) => {
    failing = true
    const at = now()
    if (at - warnedAt < WARN_EVERY_MS) return
    warnedAt = at
    log.warn({ err: error instanceof Error ? error.message : String(error) }, message)
  }
  // ioredis reconnects by itself; an error event without a listener would crash the process.
  client.on('error', (error: Error) => warn(error, 'redis connection error (rate limits)'))
  client.on('ready', () => {
    if (failing) log.info('redis is back: rate limits are shared between instances again')
    failing = false
  })
  await client.connect().catch((error: unknown) => {
    warn(error, 'redis unreachable at start: rate limits are counted per instance until it is')
  })

  /** Redis's answer, or the local limiter's when Redis fails (or is closed). */
  const shared = async <T>(inRedis: () => Promise<T>, locally: () => Promise<T>): Promise<T> => {
    if (closed) return locally()
    try {
      return await inRedis()
    } catch (error) {
      warn(error, 'redis failed: rate limits are counted per instance for now')
      return locally()
    }
  }

  return {
    take: (kind: string, key: string, rate: Rate) =>
      shared(
        async () => {
          const ttl = Math.max(1, Math.ceil((rate.burst / rate.perSecond) * 1000))
          const taken = await client.hearthTakeToken(
            names.bucket(kind, key),
            String(now()),
            String(rate.perSecond),
            String(rate.burst),
            String(ttl),
          )
          return taken === 1
        },
        () => local.take(kind, key, rate),
      ),
    claimQuiet: (kind: string, key: string, ms: number) =>
      shared(
        () =>
          client.hearthClaimQuiet(
            names.claim(kind, key),
            String(now()),
            String(ms),
            String(Math.max(1, Math.ceil(ms))),
          ),
        () => local.claimQuiet(kind, key, ms),
      ),
    async close() {
      if (closed) return
      closed = true
      await client.quit().catch(() => client.disconnect())
    },
  }
}
