import { useState } from 'react'
import { TextField, type TextFieldProps } from './TextField.tsx'

/**
 * A password or passphrase input with a "Show" toggle: long passphrases are easier to type
 * correctly when they can be seen, which matters most on a phone keyboard.
 */
export function PasswordField(props: Omit<TextFieldProps, 'type' | 'action' | 'rows'>) {
  const [visible, setVisible] = useState(false)
  return (
    <TextField
      {...props}
      type={visible ? 'text' : 'password'}
      autoCapitalize="none"
      autoCorrect="off"
      spellCheck={false}
      action={
        <button
          type="button"
          className="button button--quiet"
          aria-label={`${visible ? 'Hide' : 'Show'} ${props.label.toLowerCase()}`}
          onClick={() => setVisible((v) => !v)}
        >
          {visible ? 'Hide' : 'Show'}
        </button>
      }
    />
  )
}
