/** Whether the page is hidden, and news of when that changes (`document` in the browser). */
export interface Visibility {
  isHidden(): boolean
  onChange(listener: () => void): () => void
}

export interface Timers {
  set(callback: () => void, ms: number): unknown
  clear(handle: unknown): void
}

const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export interface Poller {
  start(): void
  stop(): void
}

/**
 * Runs `run` every `intervalMs` while the page is visible, one run at a time: the next is
 * timed from the end of the last, so a slow network never piles requests up. Hidden tabs do
 * not poll (a phone's battery, the server's load); when the page shows again it runs at once.
 * The first run comes one interval after `start`: the caller has just loaded what it shows.
 */
export function createPoller(
  run: () => unknown,
  intervalMs: number,
  visibility: Visibility,
  timers: Timers = realTimers,
): Poller {
  let stopped = true
  let running = false
  let timer: unknown = null
  let unsubscribe: (() => void) | null = null

  const cancel = () => {
    if (timer !== null) timers.clear(timer)
    timer = null
  }
  const schedule = () => {
    cancel()
    if (!stopped && !visibility.isHidden()) timer = timers.set(tick, intervalMs)
  }
  const tick = async () => {
    timer = null
    if (stopped || running || visibility.isHidden()) return
    running = true
    try {
      await run()
    } catch {
      // The caller shows its own failures; polling carries on.
    } finally {
      running = false
    }
    schedule()
  }
  const onVisibilityChange = () => {
    if (visibility.isHidden()) cancel()
    else if (!running) {
      cancel()
      void tick()
    }
  }

  return {
    start() {
      if (!stopped) return
      stopped = false
      unsubscribe = visibility.onChange(onVisibilityChange)
      schedule()
    },
    stop() {
      stopped = true
      cancel()
      unsubscribe?.()
      unsubscribe = null
    },
  }
}
