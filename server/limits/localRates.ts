import type { Clock } from '../clock/clock.ts'
import type { Rate, Rates } from './Rates.ts'

/** Past this many keys of one kind, the least recently seen is forgotten (memory stays bounded). */
export const MAX_KEYS_PER_KIND = 10_000

export interface Bucket {
  tokens: number
  at: number
}

/**
 * The token bucket's arithmetic, the same as the Redis script's (redisScripts.ts): refilled for
 * the time since `at` (none if the clock went back), then one token taken when there is one.
 */
export function takeToken(bucket: Bucket | undefined, rate: Rate, now: number) {
  let { tokens, at } = bucket ?? { tokens: rate.burst, at: now }
  if (now > at) {
    tokens = Math.min(rate.burst, tokens + ((now - at) / 1000) * rate.perSecond)
    at = now
  }
  const taken = tokens >= 1
  return { taken, bucket: { tokens: taken ? tokens - 1 : tokens, at } }
}

/** One kind's keys, least recently seen first (a `Map` keeps insertion order). */
class RecentKeys<T> {
  readonly #entries = new Map<string, T>()
  readonly #max: number
  constructor(max: number) {
    this.#max = max
  }
  get(key: string): T | undefined {
    return this.#entries.get(key)
  }
  set(key: string, value: T): void {
    this.#entries.delete(key)
    if (this.#entries.size >= this.#max) this.#entries.delete(this.#entries.keys().next().value!)
    this.#entries.set(key, value)
  }
}

/**
 * The limits in this instance's memory: right for a single instance, and what a Redis-backed
 * instance falls back on while Redis is away (each instance then holds each limit on its own).
 */
export function localRates(now: Clock, maxKeysPerKind = MAX_KEYS_PER_KIND): Rates {
  const buckets = new Map<string, RecentKeys<Bucket>>()
  const claims = new Map<string, RecentKeys<number>>()
  const keysOf = <T>(all: Map<string, RecentKeys<T>>, kind: string) => {
    let keys = all.get(kind)
    if (!keys) all.set(kind, (keys = new RecentKeys<T>(maxKeysPerKind)))
    return keys
  }
  return {
    take(kind, key, rate) {
      const ofKind = keysOf(buckets, kind)
      const { taken, bucket } = takeToken(ofKind.get(key), rate, now())
      ofKind.set(key, bucket)
      return Promise.resolve(taken)
    },
    claimQuiet(kind, key, ms) {
      const ofKind = keysOf(claims, kind)
      const at = now()
      const last = ofKind.get(key)
      // A claim from a clock ahead of this one waits `ms` at most.
      const left = last === undefined ? 0 : Math.min(ms, last + ms - at)
      if (left > 0) return Promise.resolve(Math.ceil(left))
      ofKind.set(key, at)
      return Promise.resolve(0)
    },
    close: () => Promise.resolve(),
  }
}
