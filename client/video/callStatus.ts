import { useSyncExternalStore } from 'react'
import type { CallState } from './callTypes.ts'

let current: CallState | null = null
const listeners = new Set<() => void>()

/** The call's state for the room's header (null: not in a call). Set by the call's grid. */
export function setCallStatus(state: CallState | null): void {
  if (state === current) return
  current = state
  listeners.forEach((fn) => fn())
}

const subscribe = (fn: () => void) => {
  listeners.add(fn)
  return () => void listeners.delete(fn)
}

/** The call's state, read where the connection is shown (outside the call's lazy chunk). */
export function useCallStatus(): CallState | null {
  return useSyncExternalStore(subscribe, () => current)
}
