import type { ReactNode } from 'react'

/**
 * A field's hint and error, with the ids `describedBy` points its control at, so that a screen
 * reader reads them with the control. Renders nothing for an absent hint or error.
 */
export function FieldNotes({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  )
}
