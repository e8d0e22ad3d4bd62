import { useState } from 'react'
import { z } from 'zod'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { announce } from '../ui/announce.ts'

/**
 * Runs one facilitator action on a session (`POST /api/sessions/:id/<path>`), one at a time,
 * then refreshes; says what happened, or what went wrong.
 */
export function useSessionAction(sessionId: string, onDone: () => unknown) {
  const [busy, setBusy] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const run = async (path: string, body: unknown, done: string) => {
    if (busy) return
    setBusy(path)
    setProblem(null)
    try {
      await apiRequest(`/api/sessions/${sessionId}/${path}`, {
        method: 'POST',
        body,
        // Admit, return, remove, lock and status answer with counts or `ok`: nothing to show.
        schema: z.unknown(),
      })
      announce(done)
    } catch (failure) {
      setProblem(toApiError(failure).message)
    }
    await onDone()
    setBusy(null)
  }
  return { run, busy, problem }
}
