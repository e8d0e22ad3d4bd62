import { useState, type FormEvent } from 'react'
import { z } from 'zod'
import { totpEnableRequest } from '../../shared/api/schemas.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { okResponse } from '../api/okResponse.ts'
import { announce } from '../ui/announce.ts'
import { CopyField } from '../ui/CopyField.tsx'
import { FormProblem } from '../ui/FormProblem.tsx'
import { SubmitButton } from '../ui/SubmitButton.tsx'
import { TextField } from '../ui/TextField.tsx'
import { focusField, validateForm } from '../ui/validateForm.ts'
import { useMe } from './useMe.ts'

const setupAnswer = z.object({ secret: z.string(), uri: z.string() })

/** Groups a base-32 key in fours, as authenticator apps show them, for typing it by hand. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ')

/**
 * Turns on a second factor: Hearth makes a key, the facilitator adds it to an authenticator
 * app (typed, or opened as a link on a phone), then proves it works with one code.
 */
export function TwoFactorSetup() {
  const { refresh } = useMe()
  const [key, setKey] = useState<z.infer<typeof setupAnswer> | null>(null)
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | undefined>()
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const start = async () => {
    if (busy) return
    setBusy(true)
    setProblem(null)
    try {
      setKey(
        await apiRequest('/api/facilitator/totp/setup', { method: 'POST', schema: setupAnswer }),
      )
    } catch (failure) {
      setProblem(toApiError(failure).message)
    }
    setBusy(false)
  }

  const enable = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    const checked = validateForm(
      totpEnableRequest,
      { code: code.replace(/\s/g, '') },
      { code: 'Enter the 6 digits your app shows now.' },
    )
    setError(checked.ok ? undefined : checked.errors.code)
    if (!checked.ok) return focusField('totp-code')
    setBusy(true)
    setProblem(null)
    try {
      await apiRequest('/api/facilitator/totp/enable', {
        method: 'POST',
        body: checked.data,
        schema: okResponse,
      })
      announce('Two-factor sign-in is on.')
      await refresh()
    } catch (failure) {
      setProblem(toApiError(failure).message)
      setBusy(false)
    }
  }

  if (!key) {
    return (
      <div className="stack-small">
        <p>
          Off. With it on, signing in also asks for a 6-digit code from an authenticator app on your
          phone, so a stolen password is not enough to reach your groups.
        </p>
        <FormProblem message={problem} />
        <div>
          <button type="button" className="button button--primary" onClick={start}>
            {busy ? 'Preparing…' : 'Set up two-factor sign-in'}
          </button>
        </div>
      </div>
    )
  }
  return (
    <form className="form" onSubmit={enable} noValidate>
      <ol className="steps">
        <li>
          In your authenticator app, add an account and type this key (spaces do not matter), or on
          this phone <a href={key.uri}>open it in your authenticator app</a>.
          <CopyField label="Set-up key" value={grouped(key.secret)} copyLabel="Copy key" />
        </li>
        <li>
          <TextField
            id="totp-code"
            label="Code from the app"
            hint="The 6 digits it shows now."
            inputMode="numeric"
            autoComplete="one-time-code"
            value={code}
            onChange={setCode}
            error={error}
          />
        </li>
      </ol>
      <FormProblem message={problem} />
      <SubmitButton busy={busy} busyLabel="Checking the code…">
        Turn on two-factor sign-in
      </SubmitButton>
    </form>
  )
}
