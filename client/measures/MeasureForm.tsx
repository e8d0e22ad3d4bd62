import { useId, useState } from 'react'
import { measureResult, type MeasureResult } from '../../shared/measures/measureDocs.ts'
import { ANSWER_LABELS, MEASURES, type MeasureId } from '../../shared/measures/measures.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { announce } from '../ui/announce.ts'
import { useAction } from '../ui/useAction.ts'

/**
 * A questionnaire the facilitator sent (PHQ-9, GAD-7), as published: the question, each item
 * with its four answers as a group of radio buttons. Answered once; the result is the member's
 * and the facilitators', and says what the score means without alarm. Skipping it is fine.
 */
export function MeasureForm({
  sessionId,
  requestId,
  measure,
  result,
}: {
  sessionId: string
  requestId: string
  measure: MeasureId
  /** This member's result, from their private line, once answered. */
  result: MeasureResult | null
}) {
  const id = useId()
  const spec = MEASURES[measure]
  const [answers, setAnswers] = useState<(number | null)[]>(() => spec.items.map(() => null))
  const [open, setOpen] = useState(false)
  const [missing, setMissing] = useState(false)
  const { problem, run } = useAction()
  const submit = () =>
    void run(async () => {
      if (answers.some((a) => a === null)) return setMissing(true)
      setMissing(false)
      await apiRequest(`/api/sessions/${sessionId}/measures/${requestId}/answers`, {
        method: 'POST',
        body: { answers },
        schema: measureResult,
      })
      announce(`${spec.name} sent. Thank you.`)
    })
  return (
    <section className="card stack-small measure-card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>A questionnaire from your facilitator: {spec.name}</h2>
      {result ? (
        <>
          <p>
            Thank you. Your score is <strong>{result.score}</strong> ({result.band.toLowerCase()}).
            Only you and your facilitators see it; the group never does.
          </p>
          <p className="hint">
            A score is a starting point for a conversation, not a diagnosis. You can talk it through
            with your facilitator, privately, at any time.
          </p>
        </>
      ) : !open ? (
        <>
          <p>
            {spec.items.length} short questions about the last two weeks. Your answers go to your
            facilitators only, never to the group. Answering is your choice.
          </p>
          <div className="actions">
            <button type="button" className="button" onClick={() => setOpen(true)}>
              Answer the {spec.name}
            </button>
          </div>
        </>
      ) : (
        <form
          className="stack-small"
          onSubmit={(e) => {
            e.preventDefault()
            submit()
          }}
        >
          <p>{spec.question}</p>
          <ol className="measure-items stack-small">
            {spec.items.map((item, n) => (
              <li key={n}>
                <fieldset
                  className="measure-item"
                  aria-invalid={missing && answers[n] === null ? true : undefined}
                >
                  <legend>{item}</legend>
                  <div className="measure-choices">
                    {ANSWER_LABELS.map((label, value) => (
                      <label key={label} className="radio">
                        <input
                          type="radio"
                          name={`${id}-item-${n}`}
                          value={value}
                          checked={answers[n] === value}
                          onChange={() =>
                            setAnswers((all) => all.map((a, i) => (i === n ? value : a)))
                          }
                        />{' '}
                        {label}
                      </label>
                    ))}
                  </div>
                </fieldset>
              </li>
            ))}
          </ol>
          {missing && (
            <p className="field-error" role="alert">
              Please answer every question (or leave the questionnaire for now).
            </p>
          )}
          <div className="actions">
            <button type="submit" className="button">
              Send my answers
            </button>
            <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
              Not now
            </button>
          </div>
          <p className="hint">Source: {spec.source}.</p>
        </form>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  )
}
