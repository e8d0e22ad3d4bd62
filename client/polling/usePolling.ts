import { useEffect, useEffectEvent } from 'react'
import { createPoller, type Visibility } from './createPoller.ts'

const documentVisibility: Visibility = {
  isHidden: () => document.visibilityState === 'hidden',
  onChange(listener) {
    document.addEventListener('visibilitychange', listener)
    return () => document.removeEventListener('visibilitychange', listener)
  },
}

/**
 * Calls `run` every `intervalMs` while `enabled`, the tab is visible and the browser is online;
 * stops on unmount.
 * `run` may return a promise: the next call waits for it.
 */
export function usePolling(run: () => unknown, intervalMs: number, enabled: boolean): void {
  const onTick = useEffectEvent(run)
  useEffect(() => {
    if (!enabled) return
    // Asking while the browser knows it is offline can only fail: wait for the network.
    const poller = createPoller(
      () => (navigator.onLine === false ? undefined : onTick()),
      intervalMs,
      documentVisibility,
    )
    poller.start()
    return () => poller.stop()
  }, [enabled, intervalMs])
}
