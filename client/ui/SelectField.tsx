import type { ReactNode } from 'react'
import { describedBy } from './describedBy.ts'
import { FieldNotes } from './FieldNotes.tsx'

export interface SelectFieldProps {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  options: readonly { value: string; label: string }[]
  hint?: ReactNode
  error?: string | undefined
}

/** A labelled native select: the most dependable picker on phones and with screen readers. */
export function SelectField({
  id,
  label,
  value,
  onChange,
  options,
  hint,
  error,
}: SelectFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <FieldNotes id={id} hint={hint} error={error} />
      <select
        id={id}
        className="input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}
