import { useCallback, useEffect, useState } from 'react'
import { toApiError, type ApiError } from './ApiError.ts'

export type Resource<T> =
  { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; data: T }

/**
 * Loads something when the component mounts and whenever `load` changes (keep it stable
 * with useCallback). `reload` fetches again while the data already shown stays on screen;
 * after an error it shows loading again.
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
): [Resource<T>, () => void] {
  const [attempt, setAttempt] = useState(0)
  const [state, setState] = useState<Resource<T>>({ status: 'loading' })
  useEffect(() => {
    const abort = new AbortController()
    load(abort.signal).then(
      (data) => {
        if (!abort.signal.aborted) setState({ status: 'ready', data })
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setState({ status: 'error', error: toApiError(error) })
      },
    )
    return () => abort.abort()
  }, [load, attempt])
  const reload = useCallback(() => {
    setState((previous) => (previous.status === 'error' ? { status: 'loading' } : previous))
    setAttempt((n) => n + 1)
  }, [])
  return [state, reload]
}
