import type { JSONContent } from '@tiptap/core'
import type { Editor } from '@tiptap/react'
import { useState } from 'react'
import { TextField } from '../ui/TextField.tsx'
import { fieldIdFor } from './fieldIdFor.ts'

const idsIn = (node: JSONContent, ids = new Set<string>()): Set<string> => {
  if (typeof node.attrs?.fieldId === 'string') ids.add(node.attrs.fieldId)
  for (const child of node.content ?? []) idsIn(child, ids)
  return ids
}

/** Adds a labelled answer or rating at the end of the template. */
export function AddFieldForm({ editor }: { editor: Editor }) {
  const [label, setLabel] = useState('')
  const [hint, setHint] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const add = (type: 'answerField' | 'ratingField') => {
    if (!label.trim()) return setProblem('Write the question or label first.')
    setProblem(null)
    const fieldId = fieldIdFor(label, idsIn(editor.getJSON()))
    const node: JSONContent =
      type === 'answerField'
        ? { type, attrs: { fieldId, label, hint }, content: [{ type: 'paragraph' }] }
        : { type, attrs: { fieldId, label, min: 0, max: 10, step: 1, value: null } }
    editor.chain().focus('end').insertContent(node).run()
    setLabel('')
    setHint('')
  }
  return (
    <fieldset className="add-field stack-small">
      <legend className="field-label">Add a field</legend>
      <TextField id="field-label" label="Question or label" value={label} onChange={setLabel} />
      <TextField id="field-hint" label="Hint (optional)" value={hint} onChange={setHint} />
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => add('answerField')}
        >
          Add an answer
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => add('ratingField')}
        >
          Add a rating (0–10)
        </button>
      </div>
    </fieldset>
  )
}
