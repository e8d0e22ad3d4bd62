import { useState, type FormEvent } from 'react'
import { createInvitationRequest } from '../../shared/api/schemas.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { announce } from '../ui/announce.ts'
import { CopyField } from '../ui/CopyField.tsx'
import { formatMoment } from '../ui/formatSessionTime.ts'
import { FormProblem } from '../ui/FormProblem.tsx'
import { SelectField } from '../ui/SelectField.tsx'
import { SubmitButton } from '../ui/SubmitButton.tsx'
import { TextField } from '../ui/TextField.tsx'
import { focusField, validateForm } from '../ui/validateForm.ts'
import { createdInvitation, type CreatedInvitation } from './invitationSchemas.ts'

const VALIDITY = [
  { value: '2', label: '2 hours' },
  { value: '8', label: '8 hours' },
  { value: '24', label: '1 day' },
  { value: '72', label: '3 days' },
  { value: '168', label: '1 week' },
  { value: '336', label: '2 weeks' },
  { value: '720', label: '30 days' },
]

/** Makes an invitation link and shows it once, with a copy button. */
export function CreateInvitationForm({
  groupId,
  onCreated,
}: {
  groupId: string
  onCreated: () => void
}) {
  const [maxUses, setMaxUses] = useState('1')
  const [label, setLabel] = useState('')
  const [hours, setHours] = useState('168')
  const [error, setError] = useState<string | undefined>()
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [created, setCreated] = useState<CreatedInvitation | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    const uses = /^\d+$/.test(maxUses.trim()) ? Number(maxUses.trim()) : Number.NaN
    const checked = validateForm(
      createInvitationRequest,
      { maxUses: uses, expiresInHours: Number(hours), label },
      { maxUses: 'Enter how many people can use the link, from 1 to 50.' },
    )
    setError(checked.ok ? undefined : checked.errors.maxUses)
    if (!checked.ok) return focusField('invitation-uses')
    setBusy(true)
    setProblem(null)
    try {
      const answer = await apiRequest(`/api/groups/${groupId}/invitations`, {
        method: 'POST',
        body: checked.data,
        schema: createdInvitation,
      })
      setCreated(answer)
      announce('Invitation link created. Copy it now: it cannot be shown again.')
      onCreated()
    } catch (failure) {
      setProblem(toApiError(failure).message)
    }
    setBusy(false)
  }

  return (
    <form className="form card" onSubmit={submit} noValidate aria-labelledby="invite-heading">
      <h3 id="invite-heading">Create an invitation link</h3>
      <p className="muted">
        Send the link privately, for example by email or text message. Whoever opens it reads the
        group agreement and joins under a name of their choice.
      </p>
      <TextField
        id="invitation-label"
        label="Who it is for (optional)"
        hint="A note for you and your co-facilitators, such as an initial or “Tuesday group”. The person invited never sees it."
        value={label}
        onChange={setLabel}
        maxLength={60}
      />
      <div className="field-grid">
        <TextField
          id="invitation-uses"
          label="How many people can use it"
          hint="1 for one person; more for a link you share with several."
          inputMode="numeric"
          className="input--short"
          value={maxUses}
          onChange={setMaxUses}
          error={error}
        />
        <SelectField
          id="invitation-validity"
          label="Valid for"
          value={hours}
          options={VALIDITY}
          onChange={setHours}
        />
      </div>
      <FormProblem message={problem} />
      <div>
        <SubmitButton busy={busy} busyLabel="Creating the link…">
          Create invitation link
        </SubmitButton>
      </div>
      {created && (
        <div className="notice notice--calm stack-small">
          <CopyField
            label="Invitation link"
            value={created.url}
            hint={`Copy it now: for privacy Hearth keeps only a fingerprint of it and cannot show it again. Valid until ${formatMoment(created.expiresAt)} for ${created.maxUses === 1 ? 'one person' : `${created.maxUses} people`}.`}
          />
        </div>
      )}
    </form>
  )
}
