import { useState, type FormEvent } from 'react'
import { z } from 'zod'
import type { ResponseSpec } from '../../shared/slides/responses.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { FormProblem } from '../ui/FormProblem.tsx'
import { TextField } from '../ui/TextField.tsx'

const answered = z.object({ answer: z.string() })

/** A member's answer to a question slide: anonymous to the group, changeable until the end. */
export function ResponseForm({
  sessionId,
  handoutId,
  slideId,
  spec,
}: {
  sessionId: string
  handoutId: string
  slideId: string
  spec: ResponseSpec
}) {
  const [value, setValue] = useState<string>('')
  const [sent, setSent] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const options =
    spec.kind === 'choice'
      ? spec.options.map((label, i) => ({ value: String(i), label }))
      : spec.kind === 'scale'
        ? Array.from({ length: spec.max - spec.min + 1 }, (_, i) => ({
            value: String(spec.min + i),
            label: String(spec.min + i),
          }))
        : []
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy || value.trim() === '') return
    setBusy(true)
    setProblem(null)
    try {
      const saved = await apiRequest(`/api/sessions/${sessionId}/handouts/${handoutId}/responses`, {
        method: 'POST',
        body: { slideId, value: spec.kind === 'word' ? value : Number(value) },
        schema: answered,
      })
      setSent(
        spec.kind === 'word'
          ? saved.answer
          : (options.find((o) => o.value === saved.answer)?.label ?? saved.answer),
      )
    } catch (error) {
      setProblem(toApiError(error).message)
    }
    setBusy(false)
  }
  return (
    <form className="card stack-small" onSubmit={(e) => void submit(e)} noValidate>
      {spec.kind === 'word' ? (
        <TextField
          id={`answer-${slideId}`}
          label="Your answer"
          hint="A word or a few. Nobody in the group sees who wrote what."
          value={value}
          onChange={setValue}
          maxLength={30}
        />
      ) : (
        <fieldset className="stack-small">
          <legend>
            Your answer <span className="muted">(nobody in the group sees who answered what)</span>
          </legend>
          {spec.kind === 'scale' && (
            <p className="muted">
              {spec.min}: {spec.minLabel} · {spec.max}: {spec.maxLabel}
            </p>
          )}
          <div className={spec.kind === 'scale' ? 'scale-options' : 'stack-small'}>
            {options.map((o) => (
              <label key={o.value} className="check">
                <input
                  type="radio"
                  name={`answer-${slideId}`}
                  value={o.value}
                  checked={value === o.value}
                  onChange={() => setValue(o.value)}
                />{' '}
                {o.label}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <FormProblem message={problem} />
      <div className="actions">
        <button
          type="submit"
          className="button button--secondary"
          aria-disabled={busy || undefined}
        >
          {sent === null ? 'Send my answer' : 'Change my answer'}
        </button>
        {sent !== null && (
          <span role="status">
            Your answer is in: <strong>{sent}</strong>.
          </span>
        )}
      </div>
    </form>
  )
}
