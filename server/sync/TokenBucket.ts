/** A per-connection rate limit: `burst` tokens, refilled at `perSecond`. */
export interface Rate {
  perSecond: number
  burst: number
}

export class TokenBucket {
  #tokens: number
  #last: number
  readonly #rate: Rate
  readonly #now: () => number

  constructor(rate: Rate, now: () => number = performance.now.bind(performance)) {
    this.#rate = rate
    this.#tokens = rate.burst
    this.#now = now
    this.#last = now()
  }

  /** Takes one token; false when the bucket is empty. */
  take(): boolean {
    const now = this.#now()
    this.#tokens = Math.min(
      this.#rate.burst,
      this.#tokens + ((now - this.#last) / 1000) * this.#rate.perSecond,
    )
    this.#last = now
    if (this.#tokens < 1) return false
    this.#tokens -= 1
    return true
  }
}
