import { useState } from 'react'
import { z } from 'zod'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { announce } from '../ui/announce.ts'

/**
 * For facilitators, on a private sheet: closing it makes every member's copy read only (the
 * homework is handed in); reopening gives it back to them.
 */
export function CloseSheetButton({
  worksheetId,
  title,
  closed,
  onChanged,
}: {
  worksheetId: string
  title: string
  closed: boolean
  onChanged: () => unknown
}) {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const toggle = async () => {
    if (busy) return
    setBusy(true)
    setProblem(null)
    try {
      await apiRequest(`/api/worksheets/${worksheetId}/close`, {
        method: 'POST',
        body: { closed: !closed },
        schema: z.unknown(),
      })
      announce(
        closed ? 'Members can write in their copies again.' : 'Members’ copies are now read only.',
      )
      await onChanged()
    } catch (error) {
      setProblem(toApiError(error).message)
    }
    setBusy(false)
  }
  return (
    <>
      <button
        type="button"
        className="button button--secondary button--small"
        aria-disabled={busy || undefined}
        aria-label={`${closed ? 'Reopen' : 'Close'} ${title} for everyone`}
        onClick={() => void toggle()}
      >
        {closed ? 'Reopen' : 'Close'}
      </button>
      {problem && (
        <span className="field-error" role="alert">
          {problem}
        </span>
      )}
    </>
  )
}
