/** Percentiles of a sample, in the sample's unit. */
export function percentiles(values: number[]): {
  p50: number
  p95: number
  p99: number
  max: number
  n: number
} {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? NaN, n: sorted.length }
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits
