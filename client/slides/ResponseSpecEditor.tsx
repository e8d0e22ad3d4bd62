import { useState } from 'react'
import type * as Y from 'yjs'
import { deckParts } from '../../shared/slides/deckDoc.ts'
import { NEW_QUESTIONS, responseSpec, type ResponseSpec } from '../../shared/slides/responses.ts'
import { describedBy } from '../ui/describedBy.ts'
import { FieldNotes } from '../ui/FieldNotes.tsx'
import { SelectField } from '../ui/SelectField.tsx'
import { TextField } from '../ui/TextField.tsx'

const KINDS = [
  { value: 'choice', label: 'Choose one answer' },
  { value: 'scale', label: 'A point on a scale' },
  { value: 'word', label: 'A word or a few' },
]

/** What a question slide asks for; the slide's own text is the question. */
export function ResponseSpecEditor({
  doc,
  slideId,
  spec,
}: {
  doc: Y.Doc
  slideId: string
  spec: ResponseSpec | null
}) {
  const current = spec ?? NEW_QUESTIONS.choice
  const save = (next: ResponseSpec) => {
    const { slides } = deckParts(doc)
    slides.set(slideId, { ...slides.get(slideId)!, response: next })
  }
  const [options, setOptions] = useState(
    current.kind === 'choice' ? current.options.join('\n') : '',
  )
  const [problem, setProblem] = useState<string | undefined>()
  const id = `response-${slideId}`
  return (
    <fieldset className="stack-small">
      <legend>The group answers with</legend>
      <SelectField
        id={`${id}-kind`}
        label="Kind of answer"
        value={current.kind}
        onChange={(kind) => save(NEW_QUESTIONS[kind as ResponseSpec['kind']])}
        options={KINDS}
      />
      {current.kind === 'choice' && (
        <div className="field">
          <label htmlFor={`${id}-options`} className="field-label">
            Answers to choose from
          </label>
          <FieldNotes id={`${id}-options`} hint="One per line, 2 to 6." error={problem} />
          <textarea
            id={`${id}-options`}
            className="input"
            rows={4}
            value={options}
            aria-invalid={problem ? true : undefined}
            aria-describedby={describedBy(`${id}-options`, 'hint', problem)}
            onChange={(e) => {
              setOptions(e.target.value)
              const parsed = responseSpec.safeParse({
                kind: 'choice',
                options: e.target.value
                  .split('\n')
                  .map((o) => o.trim())
                  .filter(Boolean),
              })
              setProblem(parsed.success ? undefined : 'Give 2 to 6 answers of up to 60 letters.')
              if (parsed.success) save(parsed.data)
            }}
          />
        </div>
      )}
      {current.kind === 'scale' && (
        <>
          <SelectField
            id={`${id}-range`}
            label="Scale"
            value={`${current.min}-${current.max}`}
            onChange={(range) => {
              const [min, max] = range.split('-').map(Number) as [0 | 1, 5 | 10]
              save({ ...current, min, max })
            }}
            options={[
              { value: '0-10', label: '0 to 10' },
              { value: '1-5', label: '1 to 5' },
            ]}
          />
          <TextField
            id={`${id}-min`}
            label="Low end means"
            value={current.minLabel}
            maxLength={40}
            onChange={(minLabel) => save({ ...current, minLabel })}
          />
          <TextField
            id={`${id}-max`}
            label="High end means"
            value={current.maxLabel}
            maxLength={40}
            onChange={(maxLabel) => save({ ...current, maxLabel })}
          />
        </>
      )}
      <p className="muted">
        Answers are anonymous to the group. You see the counts; the group sees them only when you
        show them, and only once three people have answered.
      </p>
    </fieldset>
  )
}
