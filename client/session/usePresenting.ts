import { useState } from 'react'
import { z } from 'zod'
import type { Presented } from '../../shared/sessions/roomState.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { announce } from '../ui/announce.ts'
import type { PresentingControls } from '../worksheets/PresentButton.tsx'

/** A facilitator's "bring everyone here", one request at a time, with what went wrong. */
export function usePresenting(
  sessionId: string,
  presented: Presented | null,
): PresentingControls & { problem: string | null } {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const present = async (worksheetId: string | null) => {
    setBusy(true)
    setProblem(null)
    try {
      await apiRequest(`/api/sessions/${sessionId}/present`, {
        method: 'POST',
        body: { worksheetId },
        schema: z.unknown(),
      })
      announce(worksheetId ? 'Everyone was brought to the worksheet.' : 'Everyone is free to move.')
    } catch (error) {
      setProblem(toApiError(error).message)
    }
    setBusy(false)
  }
  return {
    presentedId: presented && 'id' in presented ? presented.id : null,
    present: (id) => void present(id),
    busy,
    problem,
  }
}
