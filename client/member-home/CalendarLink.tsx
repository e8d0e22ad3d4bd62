import { useState } from 'react'
import { z } from 'zod'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { CopyField } from '../ui/CopyField.tsx'
import { FormProblem } from '../ui/FormProblem.tsx'

const calendarAnswer = z.object({ url: z.string() })

/** A private calendar feed of the group's sessions, for a calendar app to subscribe to. */
export function CalendarLink() {
  const [url, setUrl] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const create = async () => {
    if (busy) return
    setBusy(true)
    setProblem(null)
    try {
      setUrl(
        (await apiRequest('/api/member/calendar', { method: 'POST', schema: calendarAnswer })).url,
      )
    } catch (failure) {
      setProblem(toApiError(failure).message)
    }
    setBusy(false)
  }
  if (url) {
    return (
      <CopyField
        label="Calendar link"
        value={url}
        hint="Add it to your calendar app as a subscription (“From URL”). Keep it private: it lists the group's sessions. Making a new link stops this one."
      />
    )
  }
  return (
    <div className="stack-small">
      <p>
        Put the sessions in your calendar: Hearth makes a private link your calendar app follows.
      </p>
      <FormProblem message={problem} />
      <div>
        <button type="button" className="button button--secondary" onClick={create}>
          {busy ? 'Making the link…' : 'Make a calendar link'}
        </button>
      </div>
    </div>
  )
}
