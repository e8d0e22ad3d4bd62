import { describe, expect, it } from 'vitest'
import { LatencyRecorder } from './LatencyRecorder.ts'

describe('LatencyRecorder', () => {
  it('summarises what was recorded since the last summary, then starts again', () => {
    const r = new LatencyRecorder()
    for (let i = 100; i >= 1; i--) r.record(i)
    expect(r.takeSummary()).toEqual({ n: 100, p50: 51, p95: 96, p99: 100, max: 100 })
    expect(r.takeSummary()).toBeNull()
    r.record(2.5)
    expect(r.takeSummary()).toEqual({ n: 1, p50: 2.5, p95: 2.5, p99: 2.5, max: 2.5 })
  })

  it('stops recording at its bound', () => {
    const r = new LatencyRecorder(3)
    for (let i = 0; i < 10; i++) r.record(i)
    expect(r.takeSummary()?.n).toBe(3)
  })
})
