import { z } from 'zod'
import { memberLoginRequest } from '../../shared/api/schemas.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { useMe } from '../auth/useMe.ts'
import { navigate } from '../router/navigation.ts'
import { FormProblem } from '../ui/FormProblem.tsx'
import { PageHeading } from '../ui/PageHeading.tsx'
import { PasswordField } from '../ui/PasswordField.tsx'
import { SubmitButton } from '../ui/SubmitButton.tsx'
import { TextField } from '../ui/TextField.tsx'
import { useForm } from '../ui/useForm.ts'
import { validateForm } from '../ui/validateForm.ts'

type Field = 'pseudonym' | 'passphrase'
const MESSAGES = {
  pseudonym: 'Enter the name you use in the group.',
  passphrase: 'Enter your passphrase.',
}
const signInForm = memberLoginRequest.extend({ pseudonym: z.string().trim().min(1).max(60) })
const signedIn = z.object({ kind: z.literal('member') })

/** `/g/:groupId/sign-in`: a member signs in with their name in the group and passphrase. */
export function MemberSignInPage({ groupId }: { groupId: string }) {
  const { refresh } = useMe()
  const {
    values,
    problem,
    busy,
    field,
    submit: submitWith,
  } = useForm<Field>({ pseudonym: '', passphrase: '' }, 'member')

  const submit = submitWith(
    () => validateForm(signInForm, { ...values, groupId }, MESSAGES),
    async (body) => {
      await apiRequest('/api/auth/member-login', { method: 'POST', body, schema: signedIn })
      await refresh()
      navigate('/')
    },
  )

  return (
    <div className="narrow">
      <div className="page-intro">
        <PageHeading title="Sign in to your group">Sign in to your group</PageHeading>
        <p className="lede">Use the name you chose when you joined, and your passphrase.</p>
      </div>
      <form className="form card" onSubmit={submit} noValidate>
        <TextField
          {...field('pseudonym')}
          label="Your name in the group"
          autoComplete="username"
          autoCapitalize="words"
        />
        <PasswordField
          {...field('passphrase')}
          label="Passphrase"
          autoComplete="current-password"
        />
        <FormProblem message={problem} />
        <SubmitButton busy={busy} busyLabel="Signing in…">
          Sign in
        </SubmitButton>
        <p className="field-hint">
          Forgotten your passphrase? Ask your facilitator for a new access link. For your privacy,
          Hearth cannot reset it by email.
        </p>
      </form>
    </div>
  )
}
