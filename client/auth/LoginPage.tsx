import { z } from 'zod'
import { loginRequest } from '../../shared/api/schemas.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { navigate, useLocation } from '../router/navigation.ts'
import { FormProblem } from '../ui/FormProblem.tsx'
import { PageHeading } from '../ui/PageHeading.tsx'
import { PasswordField } from '../ui/PasswordField.tsx'
import { SubmitButton } from '../ui/SubmitButton.tsx'
import { TextField } from '../ui/TextField.tsx'
import { useForm } from '../ui/useForm.ts'
import { validateForm } from '../ui/validateForm.ts'
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
  const {
    values,
    problem,
    busy,
    field,
    submit: submitWith,
  } = useForm<Field>({ email: '', password: '', code: '' }, 'login')

  const submit = submitWith(
    () => {
      const code = values.code.replace(/\s/g, '')
      return validateForm(loginRequest, { ...values, code: code || undefined }, MESSAGES)
    },
    async (body) => {
      await apiRequest('/api/auth/login', { method: 'POST', body, schema: loginAnswer })
      await refresh()
      navigate(safeNext(search))
    },
  )

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
          {...field('email')}
          label="Email"
          type="email"
          autoComplete="username"
          required
        />
        <PasswordField {...field('password')} label="Password" autoComplete="current-password" />
        <TextField
          {...field('code')}
          label="Authenticator code (optional)"
          hint="Only if you turned on two-factor sign-in: the 6 digits your app shows now."
          inputMode="numeric"
          autoComplete="one-time-code"
        />
        <FormProblem message={problem} />
        <SubmitButton busy={busy} busyLabel="Signing in…">
          Sign in
        </SubmitButton>
      </form>
    </div>
  )
}
