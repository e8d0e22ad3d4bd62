import { useState, type FormEvent } from 'react'
import { z } from 'zod'
import { loginRequest } from '../../shared/api/schemas.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { navigate, useLocation } from '../router/navigation.ts'
import { FormProblem } from '../ui/FormProblem.tsx'
import { PageHeading } from '../ui/PageHeading.tsx'
import { PasswordField } from '../ui/PasswordField.tsx'
import { SubmitButton } from '../ui/SubmitButton.tsx'
import { TextField } from '../ui/TextField.tsx'
import { focusField, validateForm, type FieldErrors } from '../ui/validateForm.ts'
import { safeNext } from './safeNext.ts'
import { useMe } from './useMe.ts'

type Field = 'email' | 'password' | 'code'
const MESSAGES = {
  email: 'Enter the email address of your facilitator account.',
  password: 'Enter your password.',
  code: 'The code is the 6 digits your authenticator app shows now.',
}
const loginAnswer = z.object({ kind: z.literal('facilitator') })

/** Facilitators sign in with email and password, and a code when two-factor sign-in is on. */
export function LoginPage() {
  const { search } = useLocation()
  const { refresh } = useMe()
  const [values, setValues] = useState({ email: '', password: '', code: '' })
  const [errors, setErrors] = useState<FieldErrors<Field>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    const code = values.code.replace(/\s/g, '')
    const checked = validateForm(loginRequest, { ...values, code: code || undefined }, MESSAGES)
    setErrors(checked.ok ? {} : checked.errors)
    if (!checked.ok) return focusField(`login-${checked.first}`)
    setBusy(true)
    setProblem(null)
    try {
      await apiRequest('/api/auth/login', {
        method: 'POST',
        body: checked.data,
        schema: loginAnswer,
      })
      await refresh()
      navigate(safeNext(search))
    } catch (error) {
      setProblem(toApiError(error).message)
      setBusy(false)
    }
  }

  return (
    <div className="narrow">
      <div className="page-intro">
        <PageHeading title="Sign in">Sign in as a facilitator</PageHeading>
        <p className="lede">
          Group members do not sign in here: they use their group&apos;s sign-in link or the
          invitation link their facilitator sent.
        </p>
      </div>
      <form className="form card" onSubmit={submit} noValidate>
        <TextField
          id="login-email"
          label="Email"
          type="email"
          autoComplete="username"
          value={values.email}
          onChange={set('email')}
          error={errors.email}
          required
        />
        <PasswordField
          id="login-password"
          label="Password"
          autoComplete="current-password"
          value={values.password}
          onChange={set('password')}
          error={errors.password}
        />
        <TextField
          id="login-code"
          label="Authenticator code (optional)"
          hint="Only if you turned on two-factor sign-in: the 6 digits your app shows now."
          inputMode="numeric"
          autoComplete="one-time-code"
          value={values.code}
          onChange={set('code')}
          error={errors.code}
        />
        <FormProblem message={problem} />
        <SubmitButton busy={busy} busyLabel="Signing in…">
          Sign in
        </SubmitButton>
      </form>
    </div>
  )
}
