import type { Rate } from '../sync/TokenBucket.ts'

export type { Rate }

/**
 * The limits on what people do by hand (a message, a signal, a sign-in), counted for the whole
 * deployment: in memory on a single instance (`localRates`), in Redis when several share the
 * load (`redisRates`), so that N instances do not give N times each limit. Time is always the
 * server's clock, never the store's.
 */
export interface Rates {
  /**
   * Takes one token from the bucket of `key` among `kind` (`rate.burst` tokens, refilled at
   * `rate.perSecond`); false when it is empty. A kind always comes with the same rate.
   */
  take(kind: string, key: string, rate: Rate): Promise<boolean>
  /**
   * Claims `key` among `kind` when it was last claimed `ms` or longer ago (or never): 0, and
   * the claim starts now. Otherwise nothing changes and the answer is the milliseconds left.
   * Measured against this call's `ms`, so a shorter wait asked for later is honoured at once.
   */
  claimQuiet(kind: string, key: string, ms: number): Promise<number>
  /** Lets go of any connection; the limits are then counted in memory. */
  close(): Promise<void>
}
