import { useState, type FormEvent } from 'react'
import { publishAgreementRequest } from '../../shared/api/schemas.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { announce } from '../ui/announce.ts'
import { FormProblem } from '../ui/FormProblem.tsx'
import { SubmitButton } from '../ui/SubmitButton.tsx'
import { TextField } from '../ui/TextField.tsx'
import { focusField, validateForm } from '../ui/validateForm.ts'
import { publishedAgreement, type GroupDetail } from './groupSchemas.ts'

/** The group agreement: the version in force, and publishing a new one. */
export function AgreementSection({
  group,
  onPublished,
}: {
  group: GroupDetail
  onPublished: () => void
}) {
  const { version, text } = group.agreement
  const [draft, setDraft] = useState<string | null>(null)
  const [error, setError] = useState<string | undefined>()
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const publish = async (event: FormEvent) => {
    event.preventDefault()
    if (busy || draft === null) return
    const checked = validateForm(
      publishAgreementRequest,
      { text: draft },
      { text: 'Write the agreement (up to 20,000 characters).' },
    )
    setError(checked.ok ? undefined : checked.errors.text)
    if (!checked.ok) return focusField('agreement-draft')
    setBusy(true)
    setProblem(null)
    try {
      const published = await apiRequest(`/api/groups/${group.id}/agreement`, {
        method: 'POST',
        body: checked.data,
        schema: publishedAgreement,
      })
      announce(`Version ${published.version} of the agreement is published.`)
      setDraft(null)
      onPublished()
    } catch (failure) {
      setProblem(toApiError(failure).message)
    }
    setBusy(false)
  }

  return (
    <div className="stack">
      <p className="muted">
        Version {version}. Each version is kept: the audit trail shows when it was published and
        when each member accepted it. Members see the version in force.
      </p>
      {draft === null ? (
        <>
          <div className="agreement-text card">{text}</div>
          <div>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setDraft(text)}
            >
              Write a new version
            </button>
          </div>
        </>
      ) : (
        <form className="form" onSubmit={publish} noValidate>
          <TextField
            id="agreement-draft"
            label={`Version ${version + 1}`}
            hint="When you publish it, every member is asked to read and accept it before they can join their next session."
            rows={14}
            value={draft}
            onChange={setDraft}
            error={error}
          />
          <FormProblem message={problem} />
          <div className="actions">
            <SubmitButton busy={busy} busyLabel="Publishing…">
              Publish version {version + 1}
            </SubmitButton>
            <button type="button" className="button button--quiet" onClick={() => setDraft(null)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  )
}
