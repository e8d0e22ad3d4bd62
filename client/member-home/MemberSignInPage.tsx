import { useState, type FormEvent } from 'react'
import { z } from 'zod'
import { memberLoginRequest } from '../../shared/api/schemas.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { useMe } from '../auth/useMe.ts'
import { navigate } from '../router/navigation.ts'
import { FormProblem } from '../ui/FormProblem.tsx'
import { PageHeading } from '../ui/PageHeading.tsx'
import { PasswordField } from '../ui/PasswordField.tsx'
import { SubmitButton } from '../ui/SubmitButton.tsx'
import { TextField } from '../ui/TextField.tsx'
import { focusField, validateForm, type FieldErrors } from '../ui/validateForm.ts'

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
  const [values, setValues] = useState({ pseudonym: '', passphrase: '' })
  const [errors, setErrors] = useState<FieldErrors<Field>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    const checked = validateForm(signInForm, { ...values, groupId }, MESSAGES)
    setErrors(checked.ok ? {} : checked.errors)
    if (!checked.ok) return focusField(`member-${checked.first}`)
    setBusy(true)
    setProblem(null)
    try {
      await apiRequest('/api/auth/member-login', {
        method: 'POST',
        body: checked.data,
        schema: signedIn,
      })
      await refresh()
      navigate('/')
    } catch (failure) {
      setProblem(toApiError(failure).message)
      setBusy(false)
    }
  }

  return (
    <div className="narrow">
      <div className="page-intro">
        <PageHeading title="Sign in to your group">Sign in to your group</PageHeading>
        <p className="lede">Use the name you chose when you joined, and your passphrase.</p>
      </div>
      <form className="form card" onSubmit={submit} noValidate>
        <TextField
          id="member-pseudonym"
          label="Your name in the group"
          autoComplete="username"
          autoCapitalize="words"
          value={values.pseudonym}
          onChange={set('pseudonym')}
          error={errors.pseudonym}
        />
        <PasswordField
          id="member-passphrase"
          label="Passphrase"
          autoComplete="current-password"
          value={values.passphrase}
          onChange={set('passphrase')}
          error={errors.passphrase}
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
