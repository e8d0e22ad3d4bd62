import { useId, useState } from 'react'
import { z } from 'zod'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { announce } from '../ui/announce.ts'
import { CheckboxField } from '../ui/CheckboxField.tsx'

/**
 * A member's consent to show their own goals to the facilitators (read only for them); taking
 * it back closes any facilitator's view at once. Private unless they tick it.
 */
export function ShareOwnGoals({ shared: initial }: { shared: boolean }) {
  const id = useId()
  const [shared, setShared] = useState(initial)
  const [problem, setProblem] = useState<string | undefined>()
  const change = async (next: boolean) => {
    setProblem(undefined)
    setShared(next)
    try {
      await apiRequest('/api/member/goals/share', {
        method: 'POST',
        body: { shared: next },
        schema: z.unknown(),
      })
      announce(
        next
          ? 'Your facilitators can now read your goals.'
          : 'Your goals are private to you again.',
      )
    } catch (error) {
      setShared(!next)
      setProblem(toApiError(error).message)
    }
  }
  return (
    <CheckboxField
      id={`${id}-share`}
      label="Let my facilitators read my goals"
      hint="They can read them, never change them. Untick to make them private again."
      checked={shared}
      onChange={(next) => void change(next)}
      error={problem}
    />
  )
}
