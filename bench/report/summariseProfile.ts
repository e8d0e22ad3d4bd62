import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
}

/**
 * The functions with the most self time in a V8 `.cpuprofile`, as shares of the busy samples
 * (all but idle), so that a profile of a mostly idle process still reads as where work went.
 * `window` keeps only samples between two `monotonicMicros()` readings.
 */
export function summariseProfile(path: string, top = 15, window?: [number, number]) {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as {
    nodes: ProfileNode[]
    samples: number[]
    timeDeltas: number[]
    startTime: number
    endTime: number
  }
  const hits = new Map<number, number>()
  let t = profile.startTime
  let counted = 0
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0
    if (window && (t < window[0] || t > window[1])) return
    hits.set(id, (hits.get(id) ?? 0) + 1)
    counted++
  })
  const byFunction = new Map<string, number>()
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame
    const file = url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*\/main\//, '')
    const key = `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim()
    byFunction.set(key, (byFunction.get(key) ?? 0) + (hits.get(node.id) ?? 0))
  }
  const idle = byFunction.get('(idle)') ?? 0
  byFunction.delete('(idle)')
  const total = counted - idle
  return {
    seconds: (window ? window[1] - window[0] : profile.endTime - profile.startTime) / 1e6,
    busySamples: total,
    idleShare: Math.round((1000 * idle) / counted) / 10,
    top: [...byFunction]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, n]) => ({ fn, selfPct: Math.round((1000 * n) / total) / 10 })),
  }
}

/** Now on the clock of V8's profiles (CLOCK_MONOTONIC, µs), comparable across processes. */
export const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n)
