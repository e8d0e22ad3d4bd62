import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPoller, type Visibility } from './createPoller.ts'

class FakeVisibility implements Visibility {
  hidden = false
  listeners = new Set<() => void>()
  isHidden = () => this.hidden
  onChange(listener: () => void) {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
  set(hidden: boolean) {
    this.hidden = hidden
    for (const listener of this.listeners) listener()
  }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('createPoller', () => {
  it('runs every interval after start, not at once', async () => {
    const run = vi.fn()
    const poller = createPoller(run, 2000, new FakeVisibility())
    poller.start()
    expect(run).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(2000)
    expect(run).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(4000)
    expect(run).toHaveBeenCalledTimes(3)
    poller.stop()
  })

  it('stops for good on stop', async () => {
    const run = vi.fn()
    const visibility = new FakeVisibility()
    const poller = createPoller(run, 2000, visibility)
    poller.start()
    poller.stop()
    visibility.set(true)
    visibility.set(false)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(run).not.toHaveBeenCalled()
    expect(visibility.listeners.size).toBe(0)
  })

  it('pauses while the page is hidden and runs at once when it shows again', async () => {
    const run = vi.fn()
    const visibility = new FakeVisibility()
    const poller = createPoller(run, 2000, visibility)
    poller.start()
    visibility.set(true)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(run).not.toHaveBeenCalled()
    visibility.set(false)
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(2000)
    expect(run).toHaveBeenCalledTimes(2)
    poller.stop()
  })

  it('waits for a slow run to finish before timing the next', async () => {
    let finish = () => {}
    const run = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)))
    const poller = createPoller(run, 2000, new FakeVisibility())
    poller.start()
    await vi.advanceTimersByTimeAsync(2000)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(run).toHaveBeenCalledTimes(1)
    finish()
    await vi.advanceTimersByTimeAsync(2000)
    expect(run).toHaveBeenCalledTimes(2)
    poller.stop()
  })

  it('keeps polling after a run fails', async () => {
    const run = vi.fn().mockRejectedValueOnce(new Error('offline'))
    const poller = createPoller(run, 1000, new FakeVisibility())
    poller.start()
    await vi.advanceTimersByTimeAsync(2000)
    expect(run).toHaveBeenCalledTimes(2)
    poller.stop()
  })
})
