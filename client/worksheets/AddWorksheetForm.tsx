import { CheckboxField } from '../ui/CheckboxField.tsx'
import { useCallback, useState, type FormEvent } from 'react'
import { z } from 'zod'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { useResource } from '../api/useResource.ts'
import { announce } from '../ui/announce.ts'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import { ProblemNotice } from '../ui/ProblemNotice.tsx'
import { templateList } from './worksheetSchemas.ts'

const MODES = [
  { id: 'shared', label: 'Shared', hint: 'One sheet the whole group writes on together.' },
  {
    id: 'private',
    label: 'Private',
    hint: 'Each member writes their own copy. You see a copy only if its owner shares it.',
  },
] as const

/** A facilitator adds a worksheet to the session: a template from the library, shared or private. */
export function AddWorksheetForm({
  sessionId,
  onAdded,
  homeworkOnly = false,
}: {
  sessionId: string
  /** After the session: each member's own copy, to do before the next one. */
  homeworkOnly?: boolean
  /** With the new worksheet's id, once the server has it. */
  onAdded: (worksheetId: string) => unknown
}) {
  const load = useCallback(
    (signal: AbortSignal) => apiRequest('/api/templates', { schema: templateList, signal }),
    [],
  )
  const [templates, reload] = useResource(load)
  const [templateId, setTemplateId] = useState('')
  const [chosenMode, setMode] = useState<'shared' | 'private'>('shared')
  const [homeworkChosen, setHomework] = useState(false)
  // The session may end while the form is open: after the end, only homework.
  const mode = homeworkOnly ? 'private' : chosenMode
  const homework = homeworkOnly || homeworkChosen
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  if (templates.status === 'loading') return <LoadingNotice>Loading the library…</LoadingNotice>
  if (templates.status === 'error')
    return <ProblemNotice message={templates.error.message} onRetry={reload} />
  const list = templates.data.templates
  const chosen = templateId || list[0]?.id || ''

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy || !chosen) return
    setBusy(true)
    setProblem(null)
    try {
      const { id } = await apiRequest(`/api/sessions/${sessionId}/worksheets`, {
        method: 'POST',
        body: { templateId: chosen, mode, homework: mode === 'private' && homework },
        schema: z.object({ id: z.string() }),
      })
      announce('The worksheet was added.')
      await onAdded(id)
    } catch (error) {
      setProblem(toApiError(error).message)
    }
    setBusy(false)
  }

  return (
    <form className="add-worksheet stack-small" onSubmit={(e) => void submit(e)}>
      <fieldset className="choice-list">
        <legend className="field-label">Exercise</legend>
        {list.map((t) => (
          <label key={t.id} className="choice">
            <input
              type="radio"
              name="template"
              value={t.id}
              checked={chosen === t.id}
              onChange={() => setTemplateId(t.id)}
            />
            <span>
              <strong>{t.title}</strong>
              <span className="choice-hint">{t.summary}</span>
              {t.source && <span className="choice-hint">Source: {t.source}</span>}
            </span>
          </label>
        ))}
      </fieldset>
      {homeworkOnly ? (
        <p className="field-hint">
          The session has ended: this is given as homework. Each member writes their own copy before
          the next session, until you close it.
        </p>
      ) : (
        <fieldset className="choice-list">
          <legend className="field-label">Who writes on it</legend>
          {MODES.map((m) => (
            <label key={m.id} className="choice">
              <input
                type="radio"
                name="mode"
                value={m.id}
                checked={mode === m.id}
                onChange={() => setMode(m.id)}
              />
              <span>
                <strong>{m.label}</strong>
                <span className="choice-hint">{m.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {mode === 'private' && !homeworkOnly && (
        <CheckboxField
          id={`${sessionId}-homework`}
          label="Homework: members go on with it before the next session"
          hint="Their copies stay theirs to write in between sessions until you close the sheet."
          checked={homework}
          onChange={setHomework}
        />
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
        {homeworkOnly ? 'Give as homework' : 'Add the worksheet'}
      </button>
    </form>
  )
}
