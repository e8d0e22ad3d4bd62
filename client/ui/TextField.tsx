import type { InputHTMLAttributes, ReactNode } from 'react'
import { describedBy } from './describedBy.ts'
import { FieldNotes } from './FieldNotes.tsx'

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement & HTMLTextAreaElement>,
  'id' | 'value' | 'onChange' | 'children'
>

export interface TextFieldProps extends InputProps {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  hint?: ReactNode
  error?: string | undefined
  /** A textarea of this many rows instead of a one-line input. */
  rows?: number
  /** A control shown beside the input, such as "Show passphrase". */
  action?: ReactNode
}

/** A labelled text input (or textarea) with its hint and error read out with it. */
export function TextField({
  id,
  label,
  value,
  onChange,
  hint,
  error,
  rows,
  action,
  className,
  ...input
}: TextFieldProps) {
  const shared = {
    id,
    value,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, hint, error),
    className: `input ${className ?? ''}`.trim(),
    ...input,
  }
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <FieldNotes id={id} hint={hint} error={error} />
      <div className={action ? 'field-row' : undefined}>
        {rows ? (
          <textarea rows={rows} onChange={(e) => onChange(e.target.value)} {...shared} />
        ) : (
          <input onChange={(e) => onChange(e.target.value)} {...shared} />
        )}
        {action}
      </div>
    </div>
  )
}
