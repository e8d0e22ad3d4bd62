/** Percentiles of the delays recorded since the last summary, in milliseconds. */
export interface LatencySummary {
  n: number
  p50: number
  p95: number
  p99: number
  max: number
}

/**
 * Delays (ms) of one step of the sync path, kept until the next summary. Bounded, so a server
 * nobody asks for a summary cannot grow without limit: past `max` samples it stops recording.
 */
export class LatencyRecorder {
  readonly #max: number
  #samples: number[] = []

  constructor(max = 1_000_000) {
    this.#max = max
  }

  record(ms: number): void {
    if (this.#samples.length < this.#max) this.#samples.push(ms)
  }

  /** The summary of everything recorded since the last call (null if nothing was), and a reset. */
  takeSummary(): LatencySummary | null {
    const samples = this.#samples.sort((a, b) => a - b)
    this.#samples = []
    if (samples.length === 0) return null
    const at = (q: number) =>
      round(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!)
    return {
      n: samples.length,
      p50: at(0.5),
      p95: at(0.95),
      p99: at(0.99),
      max: round(samples.at(-1)!),
    }
  }
}

const round = (ms: number) => Math.round(ms * 1000) / 1000
