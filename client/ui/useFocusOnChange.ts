import { useEffect, useRef } from 'react'

/**
 * Focuses the returned element whenever `key` changes after the first render: for steps and
 * sections that replace the content under a heading without a navigation.
 */
export function useFocusOnChange<E extends HTMLElement>(key: unknown) {
  const ref = useRef<E>(null)
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    ref.current?.focus()
  }, [key])
  return ref
}
