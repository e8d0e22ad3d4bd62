import type { ReactNode } from 'react'

/**
 * A form's submit button. While busy it stays focusable (a disabled button would drop the
 * focus) and says what is happening; the form ignores submits meanwhile.
 */
export function SubmitButton({
  busy,
  children,
  busyLabel,
  variant = 'primary',
}: {
  busy: boolean
  children: ReactNode
  busyLabel: string
  variant?: 'primary' | 'secondary' | 'danger'
}) {
  return (
    <button type="submit" className={`button button--${variant}`} aria-disabled={busy || undefined}>
      {busy ? (
        <>
          <span className="spinner" aria-hidden="true" />
          {busyLabel}
        </>
      ) : (
        children
      )}
    </button>
  )
}
