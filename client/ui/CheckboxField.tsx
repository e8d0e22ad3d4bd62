import type { ReactNode } from 'react'
import { describedBy } from './describedBy.ts'
import { FieldNotes } from './FieldNotes.tsx'

export interface CheckboxFieldProps {
  id: string
  label: ReactNode
  checked: boolean
  onChange: (checked: boolean) => void
  hint?: ReactNode
  error?: string | undefined
}

/** A checkbox whose whole label is the click target, with an optional hint below it. */
export function CheckboxField({ id, label, checked, onChange, hint, error }: CheckboxFieldProps) {
  return (
    <div className="check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <div className="check-text">
        <label htmlFor={id}>{label}</label>
        <FieldNotes id={id} hint={hint} error={error} />
      </div>
    </div>
  )
}
