import { useState } from 'react'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { okResponse } from '../api/okResponse.ts'
import { announce } from '../ui/announce.ts'
import { FormProblem } from '../ui/FormProblem.tsx'

/** The agreement changed since the member accepted it: they read and accept it before joining. */
export function AgreementGate({
  agreement,
  onAccepted,
}: {
  agreement: { version: number; text: string }
  onAccepted: () => void
}) {
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const accept = async () => {
    if (busy) return
    setBusy(true)
    setProblem(null)
    try {
      await apiRequest('/api/member/agreement', {
        method: 'POST',
        body: { version: agreement.version },
        schema: okResponse,
      })
      announce('Thank you. You can join sessions again.')
      onAccepted()
    } catch (failure) {
      setProblem(toApiError(failure).message)
      // The agreement may have changed again meanwhile: show the latest.
      onAccepted()
    }
    setBusy(false)
  }
  return (
    <section className="card card--attention stack-small" aria-labelledby="gate-heading">
      <h2 id="gate-heading">The group agreement has been updated</h2>
      <p>Please read version {agreement.version}. You can join sessions once you accept it.</p>
      <div className="agreement-text">{agreement.text}</div>
      <FormProblem message={problem} />
      <div>
        <button type="button" className="button button--primary" onClick={accept}>
          {busy ? 'Saving…' : 'I have read it and I agree'}
        </button>
      </div>
    </section>
  )
}
