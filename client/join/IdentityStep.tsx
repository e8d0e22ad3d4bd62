import { useState, type FormEvent, type RefObject } from 'react'
import { z } from 'zod'
import { acceptInvitationRequest } from '../../shared/api/schemas.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { okResponse } from '../api/okResponse.ts'
import { useMe } from '../auth/useMe.ts'
import { announce } from '../ui/announce.ts'
import { FormProblem } from '../ui/FormProblem.tsx'
import { PasswordField } from '../ui/PasswordField.tsx'
import { SubmitButton } from '../ui/SubmitButton.tsx'
import { TextField } from '../ui/TextField.tsx'
import { focusField, validateForm, type FieldErrors } from '../ui/validateForm.ts'
import type { InvitationPreview } from './invitationPreview.ts'
import { StepHeading } from './StepHeading.tsx'
import { suggestPassphrase } from './suggestPassphrase.ts'

type Field = 'pseudonym' | 'passphrase'
const MESSAGES = {
  pseudonym:
    "Use 2 to 30 characters: letters, digits, spaces and . _ ' - (starting with a letter or digit).",
  passphrase:
    'Use at least 12 characters. Four unrelated words work well: try "Suggest a passphrase".',
}
// The server also refuses common passwords, with its own message; the length is checked here.
const identityForm = acceptInvitationRequest.extend({ passphrase: z.string().min(12).max(256) })
const AGREEMENT_CHANGED = 'agreement has just changed'

/** Step 3: the name the group will know them by, and a passphrase; then joining. */
export function IdentityStep({
  token,
  preview,
  headingRef,
  onBack,
  onAgreementChanged,
  onJoined,
}: {
  token: string
  preview: InvitationPreview
  headingRef: RefObject<HTMLHeadingElement | null>
  onBack: () => void
  onAgreementChanged: () => void
  onJoined: (pseudonym: string) => void
}) {
  const { refresh } = useMe()
  const restoring = preview.pseudonym
  const [pseudonym, setPseudonym] = useState(restoring ?? '')
  const [passphrase, setPassphrase] = useState('')
  const [suggested, setSuggested] = useState<string | null>(null)
  const [errors, setErrors] = useState<FieldErrors<Field>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const suggest = () => {
    const phrase = suggestPassphrase()
    setSuggested(phrase)
    setPassphrase(phrase)
    announce(`Suggested passphrase: ${phrase.replaceAll('-', ' ')}`)
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    const body = { pseudonym, passphrase, agreementVersion: preview.agreement.version }
    const checked = validateForm(identityForm, body, MESSAGES)
    setErrors(checked.ok ? {} : checked.errors)
    if (!checked.ok) return focusField(`join-${checked.first}`)
    setBusy(true)
    setProblem(null)
    try {
      await apiRequest(`/api/invitations/${encodeURIComponent(token)}/accept`, {
        method: 'POST',
        body: checked.data,
        schema: okResponse,
      })
      await refresh()
      announce('You have joined the group.')
      onJoined(restoring ?? checked.data.pseudonym)
    } catch (failure) {
      const error = toApiError(failure)
      setBusy(false)
      if (error.status === 409 && error.message.includes(AGREEMENT_CHANGED))
        return onAgreementChanged()
      setProblem(error.message)
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <StepHeading step={3} headingRef={headingRef}>
        {restoring ? 'A new passphrase' : 'Your name and passphrase'}
      </StepHeading>
      {restoring ? (
        <p className="notice notice--calm">
          You are restoring access for <strong>{restoring}</strong>. You keep your name; choose a
          new passphrase. Any other device signed in as {restoring} is signed out.
        </p>
      ) : (
        <TextField
          id="join-pseudonym"
          label="Your name in the group"
          hint="Everyone in the group sees this name. It does not have to be your real name."
          autoComplete="off"
          autoCapitalize="words"
          value={pseudonym}
          onChange={setPseudonym}
          error={errors.pseudonym}
        />
      )}
      <PasswordField
        id="join-passphrase"
        label="Passphrase"
        hint="At least 12 characters. You sign in with your name and this passphrase. Hearth cannot show it to you again, so write it down or keep it in a password manager."
        autoComplete="new-password"
        value={passphrase}
        onChange={(value) => {
          setPassphrase(value)
          if (value !== suggested) setSuggested(null)
        }}
        error={errors.passphrase}
      />
      <div>
        <button type="button" className="button button--secondary" onClick={suggest}>
          Suggest a passphrase
        </button>
      </div>
      {suggested && (
        <p className="notice notice--calm">
          Your passphrase is <strong className="passphrase">{suggested}</strong>. Write it down
          before you continue.
        </p>
      )}
      <FormProblem message={problem} />
      <div className="actions">
        <SubmitButton busy={busy} busyLabel="Joining the group…">
          {restoring ? 'Restore my access' : 'Join the group'}
        </SubmitButton>
        <button type="button" className="button button--quiet" onClick={onBack}>
          Back
        </button>
      </div>
    </form>
  )
}
