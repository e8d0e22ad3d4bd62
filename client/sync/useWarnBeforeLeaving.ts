import { useEffect } from 'react'

/** Asks the browser to confirm before the page is closed or reloaded while `active`. */
export function useWarnBeforeLeaving(active: boolean): void {
  useEffect(() => {
    if (!active) return
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [active])
}
