import { useCallback, useEffect, useState } from 'react'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError, type ApiError } from '../api/ApiError.ts'
import { usePolling } from '../polling/usePolling.ts'
import { sessionWorksheets, type SessionWorksheet } from './worksheetSchemas.ts'

// Sharing is decided on the server; asking often keeps a sheet shared a moment ago in view.
const POLL_MS = 2000

/** The session's worksheets as the server shows them to this person, kept current. */
export function useSessionWorksheets(sessionId: string) {
  const [worksheets, setWorksheets] = useState<SessionWorksheet[] | null>(null)
  const [problem, setProblem] = useState<ApiError | null>(null)
  const load = useCallback(
    (signal?: AbortSignal) =>
      apiRequest(`/api/sessions/${sessionId}/worksheets`, { schema: sessionWorksheets, signal }),
    [sessionId],
  )
  const refresh = useCallback(
    async (signal?: AbortSignal) => {
      try {
        setWorksheets((await load(signal)).worksheets)
        setProblem(null)
      } catch (error) {
        if (!signal?.aborted) setProblem(toApiError(error))
      }
    },
    [load],
  )
  useEffect(() => {
    const abort = new AbortController()
    load(abort.signal).then(
      (loaded) => setWorksheets(loaded.worksheets),
      (error: unknown) => {
        if (!abort.signal.aborted) setProblem(toApiError(error))
      },
    )
    return () => abort.abort()
  }, [load])
  usePolling(refresh, POLL_MS, true)
  return { worksheets, problem, refresh }
}
