import { useId, useRef, useState } from 'react'
import { announce } from './announce.ts'
import { describedBy } from './describedBy.ts'
import { FieldNotes } from './FieldNotes.tsx'

/**
 * A link or code to hand on: shown in a read-only field (it can always be selected by hand)
 * with a button that copies it and says so.
 */
export function CopyField({
  label,
  value,
  hint,
  copyLabel = 'Copy link',
}: {
  label: string
  value: string
  hint?: string
  copyLabel?: string
}) {
  const id = useId()
  const input = useRef<HTMLInputElement>(null)
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null)
  const copy = async () => {
    input.current?.select()
    try {
      await navigator.clipboard.writeText(value)
      setCopied('yes')
      announce('Copied')
    } catch {
      // Clipboard access can be refused (an old browser, a permission): the text is selected.
      setCopied('no')
      announce('Could not copy. The text is selected: copy it with your keyboard or menu.')
    }
  }
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <FieldNotes id={id} hint={hint} />
      <div className="field-row">
        <input
          ref={input}
          id={id}
          className="input input--mono"
          value={value}
          readOnly
          onFocus={(e) => e.target.select()}
          aria-describedby={describedBy(id, hint, undefined)}
        />
        <button type="button" className="button button--secondary" onClick={copy}>
          {copyLabel}
        </button>
      </div>
      {copied && (
        <p className="field-hint" aria-hidden="true">
          {copied === 'yes' ? 'Copied.' : 'Could not copy automatically: the text is selected.'}
        </p>
      )}
    </div>
  )
}
