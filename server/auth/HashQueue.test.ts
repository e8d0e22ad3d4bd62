import { describe, expect, it } from 'vitest'
import { TryLater } from '../http/TryLater.ts'
import { HashQueue } from './HashQueue.ts'

const deferred = () => {
  let resolve!: () => void
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe('HashQueue', () => {
  it('runs at most `concurrency` at once, in arrival order, and refuses beyond the line', async () => {
    const queue = new HashQueue({ concurrency: 2, maxWaiting: 3 })
    const gates = Array.from({ length: 5 }, deferred)
    let running = 0
    let peak = 0
    const order: number[] = []
    const jobs = gates.map((gate, i) =>
      queue.run(async () => {
        running++
        peak = Math.max(peak, running)
        order.push(i)
        await gate.promise
        running--
        return i
      }),
    )
    await expect(queue.run(async () => 'late')).rejects.toBeInstanceOf(TryLater)
    expect(queue.refused).toBe(1)
    for (const gate of gates) gate.resolve()
    expect(await Promise.all(jobs)).toEqual([0, 1, 2, 3, 4])
    expect(peak).toBe(2)
    expect(order).toEqual([0, 1, 2, 3, 4])
    expect(queue.started).toBe(5)
    // The line is free again.
    expect(await queue.run(async () => 'again')).toBe('again')
  })

  it('frees the slot when a hash fails', async () => {
    const queue = new HashQueue({ concurrency: 1, maxWaiting: 0 })
    await expect(queue.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await queue.run(async () => 1)).toBe(1)
  })

  it('refuses with a retry hint', async () => {
    const queue = new HashQueue({ concurrency: 1, maxWaiting: 0 })
    const gate = deferred()
    const first = queue.run(() => gate.promise)
    const refusal = await queue.run(async () => 0).catch((e: unknown) => e)
    expect(refusal).toBeInstanceOf(TryLater)
    expect((refusal as TryLater).status).toBe(503)
    expect((refusal as TryLater).retryAfterSeconds).toBeGreaterThan(0)
    gate.resolve()
    await first
  })
})
