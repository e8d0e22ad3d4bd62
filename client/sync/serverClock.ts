import { useEffect, useState } from 'react'
import { z } from 'zod'
import { apiRequest } from '../api/apiRequest.ts'
import { clockOffset, type ClockSample } from './clockOffset.ts'

/** A few looks are enough: the quickest round trip of five is rarely slowed. */
const SAMPLES = 5
/** A monotonic clock drifts from the server's by parts per million: look again after a while. */
const FRESH_MS = 10 * 60_000

const timeAnswer = z.object({ now: z.number() })

let offset: number | null = null
let measuredAt = Number.NEGATIVE_INFINITY
let measuring: Promise<boolean> | null = null

/**
 * The server's time now, in epoch ms, for what every screen must do at the same moment
 * (breathing together). Counted from `performance.now()`, which the device's own clock (wrong,
 * or changed while the page is open) does not move. Before the first measurement, the
 * device's clock.
 */
export function serverNow(): number {
  return offset === null ? Date.now() : performance.now() + offset
}

/** Whether `serverNow` is measured (and not only the device's guess). */
export const serverClockKnown = (): boolean => offset !== null

/** Measures the server's clock, unless it was measured lately; true once it is known. */
export function measureServerClock(): Promise<boolean> {
  if (offset !== null && performance.now() - measuredAt < FRESH_MS) return Promise.resolve(true)
  measuring ??= takeSamples().finally(() => {
    measuring = null
  })
  return measuring
}

async function takeSamples(): Promise<boolean> {
  const samples: ClockSample[] = []
  for (let i = 0; i < SAMPLES; i++) {
    const sent = performance.now()
    try {
      const { now } = await apiRequest('/api/time', { schema: timeAnswer })
      samples.push({ sent, received: performance.now(), server: now })
    } catch {
      // A look that failed says nothing; the others may still.
    }
  }
  const measured = clockOffset(samples)
  if (measured !== null) {
    offset = measured
    measuredAt = performance.now()
  }
  return offset !== null
}

/**
 * Measures the server's clock when first used; true once `serverNow` is ready to use: the
 * server's, or (when the server could not be asked) the device's own, rather than waiting.
 */
export function useServerClock(): boolean {
  const [ready, setReady] = useState(serverClockKnown)
  useEffect(() => {
    let live = true
    void measureServerClock().then(() => {
      if (live) setReady(true)
    })
    return () => {
      live = false
    }
  }, [])
  return ready
}
