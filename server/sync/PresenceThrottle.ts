import type { AwarenessEntry } from './parseFrame.ts'
import { TokenBucket, type Rate } from './TokenBucket.ts'

/** How many times the presence rate a socket may send, echoes included, before it is closed. */
const FLOOD_FACTOR = 10

/**
 * One connection's presence (awareness) under two rates. Within `rate`, a state of its own is
 * relayed at once; over it, the latest waits for the next token, replacing any that waited
 * before it (only a client's latest state matters). Only past ten times the rate, counting
 * every message, is the sender a flood to close.
 *
 * Closing at `rate` itself (as before) disconnected members for doing nothing wrong: in a room
 * where one person types, every other focused editor re-sends its caret at each remote edit
 * (y-tiptap), and every stock client sends each state it receives back to the server. Three
 * people in one worksheet were closed within 30 ms of each other in a browser journey, and a
 * caret then went missing for one of them until the next renewal.
 */
export class PresenceThrottle {
  readonly #relay: TokenBucket
  readonly #flood: TokenBucket
  readonly #waitMs: number
  readonly #deliver: (entries: AwarenessEntry[]) => void
  #held: AwarenessEntry[] | null = null
  #timer: NodeJS.Timeout | null = null

  constructor(rate: Rate, deliver: (entries: AwarenessEntry[]) => void) {
    this.#relay = new TokenBucket(rate)
    this.#flood = new TokenBucket({
      perSecond: rate.perSecond * FLOOD_FACTOR,
      burst: rate.burst * FLOOD_FACTOR,
    })
    this.#waitMs = Math.ceil(1000 / rate.perSecond)
    this.#deliver = deliver
  }

  /** Counts one presence message, echo or not; false when the sender floods. */
  admit(): boolean {
    return this.#flood.take()
  }

  /** Relays the sender's own `entries` now, or holds them until the rate allows. */
  offer(entries: AwarenessEntry[]): void {
    if (this.#timer === null && this.#relay.take()) return this.#deliver(entries)
    this.#held = entries
    this.#timer ??= setTimeout(() => {
      this.#timer = null
      const held = this.#held
      this.#held = null
      if (held) this.offer(held)
    }, this.#waitMs)
  }

  /** Drops what waits (the connection has gone). */
  stop(): void {
    if (this.#timer) clearTimeout(this.#timer)
    this.#timer = null
    this.#held = null
  }
}
