import { useCallback, useEffect, useState } from 'react'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError, type ApiError } from '../api/ApiError.ts'
import { useRoomRevision } from '../session/roomState.ts'
import { sessionWorksheets, type SessionWorksheet } from './worksheetSchemas.ts'

/**
 * The session's worksheets as the server shows them to this person. In the room, asked again
 * each time the room state's revision moves (a sheet added, shared or taken back), never on a
 * timer; the list itself differs per person, so it stays behind the API.
 */
export function useSessionWorksheets(sessionId: string) {
  const revision = useRoomRevision()
  const [worksheets, setWorksheets] = useState<SessionWorksheet[] | null>(null)
  const [problem, setProblem] = useState<ApiError | null>(null)
  const [asked, setAsked] = useState(0)
  const refresh = useCallback(() => setAsked((n) => n + 1), [])
  useEffect(() => {
    const abort = new AbortController()
    apiRequest(`/api/sessions/${sessionId}/worksheets`, {
      schema: sessionWorksheets,
      signal: abort.signal,
    }).then(
      (loaded) => {
        setWorksheets(loaded.worksheets)
        setProblem(null)
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setProblem(toApiError(error))
      },
    )
    return () => abort.abort()
  }, [sessionId, revision, asked])
  return { worksheets, problem, refresh }
}
