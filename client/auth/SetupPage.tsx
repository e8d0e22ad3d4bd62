import { z } from 'zod'
import { setupRequest } from '../../shared/api/schemas.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { navigate, useLocation } from '../router/navigation.ts'
import { FormProblem } from '../ui/FormProblem.tsx'
import { PageHeading } from '../ui/PageHeading.tsx'
import { PasswordField } from '../ui/PasswordField.tsx'
import { SubmitButton } from '../ui/SubmitButton.tsx'
import { TextField } from '../ui/TextField.tsx'
import { useForm } from '../ui/useForm.ts'
import { validateForm } from '../ui/validateForm.ts'
import { readFragment } from './readFragment.ts'
import { useMe } from './useMe.ts'

type Field = 'displayName' | 'email' | 'password'
const MESSAGES = {
  displayName: 'Enter your name (up to 80 characters).',
  email: 'Enter an email address, such as name@practice.example.',
  password: 'Use at least 12 characters; a few unrelated words work well.',
}
// The server checks the same policy and explains a common password; length is checked here.
const setupForm = setupRequest.extend({ password: z.string().min(12).max(256) })
const created = z.object({ kind: z.literal('facilitator') })

/** The first facilitator account, created from the one-time link the server printed. */
export function SetupPage() {
  const { hash } = useLocation()
  const token = readFragment(hash)
  const { refresh } = useMe()
  const {
    values,
    problem,
    busy,
    field,
    submit: submitWith,
  } = useForm<Field>({ displayName: '', email: '', password: '' }, 'setup')

  // The form is only shown with a token.
  const submit = submitWith(
    () => validateForm(setupForm, { ...values, token }, MESSAGES),
    async (body) => {
      await apiRequest('/api/setup', { method: 'POST', body, schema: created })
      await refresh()
      navigate('/', { replace: true })
    },
  )

  return (
    <div className="narrow">
      <div className="page-intro">
        <PageHeading title="Set up Hearth">Set up Hearth</PageHeading>
        <p className="lede">
          Create the first facilitator account. You can then create groups, invite members and add
          other facilitators.
        </p>
      </div>
      {!token ? (
        <div className="notice notice--problem" role="alert">
          <p>
            This page needs the set-up link that Hearth prints when it starts for the first time.
            Open that link exactly as it was printed.
          </p>
        </div>
      ) : (
        <form className="form card" onSubmit={submit} noValidate>
          <TextField
            {...field('displayName')}
            label="Your name"
            hint="Members and other facilitators see this name in sessions."
            autoComplete="name"
          />
          <TextField
            {...field('email')}
            label="Email"
            hint="You sign in with it. Hearth does not send email."
            type="email"
            autoComplete="username"
          />
          <PasswordField
            {...field('password')}
            label="Password"
            hint="At least 12 characters. A few unrelated words are strong and easy to remember."
            autoComplete="new-password"
          />
          <FormProblem message={problem} />
          <SubmitButton busy={busy} busyLabel="Creating your account…">
            Create account
          </SubmitButton>
        </form>
      )}
    </div>
  )
}
