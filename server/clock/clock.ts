/**
 * The server's one clock. Every time-based decision (socket expiry, logins and their sweep,
 * throttles, invitations, sessions, audit, tokens) reads the clock the server was started with,
 * never the wall clock directly, so a test that starts a server on a fixed or moving clock sees
 * the same time in every part of it, whatever today's date is. Lint refuses `Date.now()` and
 * `new Date()` in server code outside this file.
 *
 * Durations (pacing, latency, timeouts) use `performance.now()`, which is monotonic and says
 * nothing about the date.
 */
export type Clock = () => number

/** The machine's wall clock, in epoch milliseconds. */
export const systemClock: Clock = () => Date.now()

/** A clock a test sets and moves by hand. */
export interface ManualClock extends Clock {
  /** Moves the clock forward by `ms`. */
  advance(ms: number): void
  set(epochMs: number): void
}

export function manualClock(startMs: number): ManualClock {
  let current = startMs
  const clock = (() => current) as ManualClock
  clock.advance = (ms) => {
    current += ms
  }
  clock.set = (epochMs) => {
    current = epochMs
  }
  return clock
}
