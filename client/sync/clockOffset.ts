/** One look at the server's clock: when it was asked and answered (this page's monotonic ms), and what it said. */
export interface ClockSample {
  sent: number
  received: number
  server: number
}

/**
 * How far the server's clock is ahead of this page's `performance.now()`, from the sample with
 * the shortest round trip (the least room for delay on the way there or back), taking the
 * server to have read its clock half-way. Null with no samples.
 */
export function clockOffset(samples: readonly ClockSample[]): number | null {
  let best: ClockSample | null = null
  for (const sample of samples) {
    if (sample.received < sample.sent) continue
    if (!best || sample.received - sample.sent < best.received - best.sent) best = sample
  }
  if (!best) return null
  return best.server + (best.received - best.sent) / 2 - best.received
}
