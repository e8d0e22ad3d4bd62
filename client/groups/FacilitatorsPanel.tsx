import { useState, type FormEvent } from 'react'
import { z } from 'zod'
import { addFacilitatorRequest } from '../../shared/api/schemas.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { announce } from '../ui/announce.ts'
import { FormProblem } from '../ui/FormProblem.tsx'
import { SelectField } from '../ui/SelectField.tsx'
import { SubmitButton } from '../ui/SubmitButton.tsx'
import { TextField } from '../ui/TextField.tsx'
import { focusField, validateForm } from '../ui/validateForm.ts'
import type { GroupDetail } from './groupSchemas.ts'

const ROLE_OPTIONS = [
  { value: 'co', label: 'Co-facilitator' },
  { value: 'lead', label: 'Lead facilitator' },
]
const added = z.object({ ok: z.literal(true) })

/** Who facilitates the group; the lead can add another facilitator by their account email. */
export function FacilitatorsPanel({ group, onAdded }: { group: GroupDetail; onAdded: () => void }) {
  const [email, setEmail] = useState('')
  const [role, setRole] = useState('co')
  const [error, setError] = useState<string | undefined>()
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const add = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    const checked = validateForm(
      addFacilitatorRequest,
      { email, role },
      { email: 'Enter the email address of their Hearth facilitator account.' },
    )
    setError(checked.ok ? undefined : checked.errors.email)
    if (!checked.ok) return focusField('facilitator-email')
    setBusy(true)
    setProblem(null)
    try {
      await apiRequest(`/api/groups/${group.id}/facilitators`, {
        method: 'POST',
        body: checked.data,
        schema: added,
      })
      // The server answers alike whether or not the email has an account (it must not tell).
      announce('Done. If that email has a Hearth facilitator account, they are now in the list.')
      setEmail('')
      onAdded()
    } catch (failure) {
      setProblem(toApiError(failure).message)
    }
    setBusy(false)
  }

  return (
    <section className="card stack-small" aria-labelledby="facilitators-heading">
      <h3 id="facilitators-heading">Facilitators</h3>
      <ul className="plain-list">
        {group.facilitators.map((f) => (
          <li key={f.id}>
            {f.name} <span className="badge">{f.role === 'lead' ? 'Lead' : 'Co-facilitator'}</span>
          </li>
        ))}
      </ul>
      {group.yourRole === 'lead' ? (
        <form className="form" onSubmit={add} noValidate>
          <TextField
            id="facilitator-email"
            label="Add a facilitator by email"
            hint="They need a Hearth facilitator account already."
            type="email"
            value={email}
            onChange={setEmail}
            error={error}
          />
          <SelectField
            id="facilitator-role"
            label="Role"
            value={role}
            onChange={setRole}
            options={ROLE_OPTIONS}
          />
          <FormProblem message={problem} />
          <div>
            <SubmitButton busy={busy} busyLabel="Adding…" variant="secondary">
              Add facilitator
            </SubmitButton>
          </div>
        </form>
      ) : (
        <p className="muted">Only a lead facilitator can add facilitators.</p>
      )}
    </section>
  )
}
