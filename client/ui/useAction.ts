import { useState } from 'react'
import { toApiError } from '../api/ApiError.ts'

/**
 * Runs a person's action (an API call) and keeps what went wrong, in words to show beside the
 * control; cleared when the next one starts.
 */
export function useAction(): {
  problem: string | null
  run: (action: () => Promise<unknown>) => Promise<void>
} {
  const [problem, setProblem] = useState<string | null>(null)
  const run = async (action: () => Promise<unknown>) => {
    setProblem(null)
    try {
      await action()
    } catch (error) {
      setProblem(toApiError(error).message)
    }
  }
  return { problem, run }
}
