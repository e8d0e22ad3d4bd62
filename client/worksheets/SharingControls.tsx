import { useState } from 'react'
import { z } from 'zod'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { announce } from '../ui/announce.ts'
import type { WorksheetField } from './listFields.ts'
import type { Audience, SessionWorksheet } from './worksheetSchemas.ts'

const AUDIENCES: { id: Audience; words: string }[] = [
  { id: 'facilitators', words: 'the facilitators' },
  { id: 'group', words: 'the group' },
]

/**
 * The owner's consent, in plain words: what of their private sheet is shared, with whom, and
 * a one-click way to take each back. Nothing is shared until they choose it here.
 */
export function SharingControls({
  worksheet,
  fields,
  onChanged,
}: {
  worksheet: SessionWorksheet
  fields: WorksheetField[]
  onChanged: () => unknown
}) {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const isShared = (audience: Audience, fieldId: string | null) =>
    worksheet.yourShares.some((s) => s.audience === audience && s.fieldId === fieldId)

  const share = async (audience: Audience, fieldId: string | null, shared: boolean) => {
    if (busy) return
    setBusy(true)
    setProblem(null)
    try {
      await apiRequest(`/api/worksheets/${worksheet.id}/share`, {
        method: 'POST',
        body: fieldId ? { audience, shared, fieldId } : { audience, shared },
        schema: z.unknown(),
      })
      const what = fieldId ? 'That answer' : 'Your sheet'
      const who = AUDIENCES.find((a) => a.id === audience)!.words
      announce(shared ? `${what} is now shared with ${who}.` : `${what} is private again.`)
      await onChanged()
    } catch (error) {
      setProblem(toApiError(error).message)
    }
    setBusy(false)
  }

  // A switch with its state, the same size on or off, so nothing moves under the finger.
  const toggle = (audience: Audience, fieldId: string | null, what: string, text: string) => {
    const on = isShared(audience, fieldId)
    const who = AUDIENCES.find((a) => a.id === audience)!.words
    return (
      <button
        type="button"
        role="switch"
        aria-checked={on}
        className="share-switch"
        aria-label={`Share ${what} with ${who}`}
        aria-disabled={busy || undefined}
        onClick={() => void share(audience, fieldId, !on)}
      >
        <span className="share-switch-mark" aria-hidden="true">
          {on ? '✓' : ''}
        </span>
        {text}
      </button>
    )
  }

  const sharedNow = worksheet.yourShares.map((s) => {
    const who = AUDIENCES.find((a) => a.id === s.audience)!.words
    const what = s.fieldId
      ? `your answer to “${fields.find((f) => f.fieldId === s.fieldId)?.label ?? s.fieldId}”`
      : 'your whole sheet'
    return `${what} with ${who}`
  })

  return (
    <section className="sharing panel" aria-labelledby={`sharing-${worksheet.id}`}>
      <h3 id={`sharing-${worksheet.id}`} className="panel-heading">
        Sharing
      </h3>
      <p>
        This sheet is private: only you can see it. Facilitators cannot see it unless you share it.
      </p>
      <div className="share-row">
        <span className="share-row-label">The whole sheet</span>
        <span className="share-row-switches">
          {toggle('facilitators', null, 'the whole sheet', 'Facilitators')}
          {toggle('group', null, 'the whole sheet', 'Group')}
        </span>
      </div>
      {fields.length > 0 && (
        <details className="sharing-answers">
          <summary>Share one answer only</summary>
          <ul className="plain-list">
            {fields.map((field) => (
              <li key={field.fieldId} className="share-row">
                <span className="share-row-label">{field.label}</span>
                <span className="share-row-switches">
                  {toggle('facilitators', field.fieldId, `“${field.label}”`, 'Facilitators')}
                  {toggle('group', field.fieldId, `“${field.label}”`, 'Group')}
                </span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {/* Below the switches: a summary that grows never pushes them away from the finger. */}
      <p role="status" data-testid="sharing-summary">
        {sharedNow.length === 0 ? 'Nothing is shared.' : `You are sharing ${sharedNow.join('; ')}.`}
      </p>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  )
}
