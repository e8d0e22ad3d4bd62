import { useSyncExternalStore } from 'react'

/** The parts of the address the app routes on. */
export interface AppLocation {
  pathname: string
  search: string
  hash: string
}

const listeners = new Set<() => void>()
let current: AppLocation | null = null
// Set by every navigation, taken by the next page heading that mounts: focus then lands on
// the new page's heading, so screen reader and keyboard users start at the top of it.
let focusPending = false

function read(): AppLocation {
  const { pathname, search, hash } = window.location
  return { pathname, search, hash }
}

function changed() {
  current = read()
  for (const listener of listeners) listener()
}

const onPopState = () => {
  focusPending = true
  changed()
}

function subscribe(listener: () => void) {
  if (listeners.size === 0) window.addEventListener('popstate', onPopState)
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0) window.removeEventListener('popstate', onPopState)
  }
}

const snapshot = () => (current ??= read())

/** Goes to another page of the app without reloading it. */
export function navigate(to: string, { replace = false }: { replace?: boolean } = {}): void {
  if (replace) window.history.replaceState(null, '', to)
  else window.history.pushState(null, '', to)
  focusPending = true
  window.scrollTo(0, 0)
  changed()
}

/** The current location; re-renders on every navigation. */
export function useLocation(): AppLocation {
  return useSyncExternalStore(subscribe, snapshot)
}

/**
 * Asks the next page heading that mounts to take the focus, as after a navigation: for a
 * page that replaces itself without one (a member admitted from the waiting room).
 */
export function requestHeadingFocus(): void {
  focusPending = true
}

/** True once after each navigation: the first page heading to ask takes the focus. */
export function takePendingFocus(): boolean {
  const pending = focusPending
  focusPending = false
  return pending
}
