import type { ReactNode } from 'react'

/** Something went wrong: what, in plain words, and a way to try again when there is one. */
export function ProblemNotice({
  message,
  onRetry,
  children,
}: {
  message: string
  onRetry?: () => void
  children?: ReactNode
}) {
  return (
    <div className="notice notice--problem" role="alert">
      <p>{message}</p>
      {children}
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  )
}
