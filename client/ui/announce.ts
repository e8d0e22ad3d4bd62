import { useSyncExternalStore } from 'react'

let message = ''
const listeners = new Set<() => void>()
let timer: ReturnType<typeof setTimeout> | undefined

const set = (next: string) => {
  message = next
  for (const listener of listeners) listener()
}

/**
 * Says something to screen reader users through the page's one polite live region: "Copied",
 * "You have been admitted". The region is emptied first so that a repeated message is read.
 */
export function announce(text: string): void {
  clearTimeout(timer)
  set('')
  timer = setTimeout(() => set(text), 100)
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The current announcement, for the live region. */
export function useAnnouncement(): string {
  return useSyncExternalStore(subscribe, () => message)
}
