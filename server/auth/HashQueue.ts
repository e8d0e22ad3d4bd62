import { TryLater } from '../http/TryLater.ts'

export const HASH_BUSY_TEXT = 'Hearth is busy signing people in. Please try again in a moment.'

/**
 * Bounds password hashing server-wide. Each scrypt hash takes 32 MiB and about 0.1 s of a
 * core; unbounded, 200 concurrent requests froze every other request for 46 s. At most
 * `concurrency` hashes run at once, at most `maxWaiting` wait in line (first come, first
 * served), and anything beyond is refused at once (`TryLater`: 503 with `Retry-After`), so the
 * worst wait in line stays near `maxWaiting / concurrency × 0.1 s`.
 */
export class HashQueue {
  readonly #concurrency: number
  readonly #maxWaiting: number
  #running = 0
  readonly #waiting: (() => void)[] = []
  /** Hashes started and requests refused since start, for tests and the benchmark. */
  started = 0
  refused = 0

  constructor(options: { concurrency: number; maxWaiting: number }) {
    this.#concurrency = options.concurrency
    this.#maxWaiting = options.maxWaiting
  }

  /**
   * Refuses now if a hash could not even wait in line, so a caller can skip the work it would
   * do before hashing (a throttle's database write) when the answer will be 503 anyway.
   */
  refuseIfFull(): void {
    if (this.#running >= this.#concurrency && this.#waiting.length >= this.#maxWaiting) {
      this.refused++
      throw new TryLater(503, HASH_BUSY_TEXT, 2)
    }
  }

  async run<T>(hash: () => Promise<T>): Promise<T> {
    this.refuseIfFull()
    if (this.#running >= this.#concurrency) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve))
    } else {
      this.#running++
    }
    this.started++
    try {
      return await hash()
    } finally {
      // Hand the slot straight to the next in line, so `running` never drops and rises again.
      const next = this.#waiting.shift()
      if (next) next()
      else this.#running--
    }
  }
}
