import { useState } from 'react'
import { z } from 'zod'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import type { SignalKind } from './signalSchemas.ts'

const CHOICES: { kind: SignalKind; label: string }[] = [
  { kind: 'need-a-moment', label: 'I need a moment' },
  { kind: 'not-ok', label: 'I’m not OK' },
]

/**
 * The silent signal: a member tells the facilitators privately, without speaking up in the
 * group. No one else in the room sees it.
 */
export function SilentSignalButtons({ sessionId }: { sessionId: string }) {
  const [busy, setBusy] = useState(false)
  const [sent, setSent] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const send = async (kind: SignalKind) => {
    if (busy) return
    setBusy(true)
    setProblem(null)
    try {
      await apiRequest(`/api/sessions/${sessionId}/signal`, {
        method: 'POST',
        body: { kind },
        schema: z.unknown(),
      })
      setSent(true)
    } catch (error) {
      setProblem(toApiError(error).message)
    }
    setBusy(false)
  }
  return (
    <section className="panel" aria-labelledby="signal-heading">
      <h2 id="signal-heading" className="panel-heading">
        Tell your facilitator privately
      </h2>
      <p className="muted">Only your facilitators see this. The group does not.</p>
      <div className="actions">
        {CHOICES.map((choice) => (
          <button
            key={choice.kind}
            type="button"
            className="button button--secondary button--small"
            aria-disabled={busy || undefined}
            onClick={() => void send(choice.kind)}
          >
            {choice.label}
          </button>
        ))}
      </div>
      <p role="status" className="signal-sent">
        {sent ? 'Your facilitator has been told, privately.' : ''}
      </p>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  )
}
