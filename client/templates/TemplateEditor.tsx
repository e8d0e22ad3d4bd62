import type { JSONContent } from '@tiptap/core'
import { EditorContent, useEditor, type Editor } from '@tiptap/react'
import { useState, type FormEvent } from 'react'
import { z } from 'zod'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { announce } from '../ui/announce.ts'
import { TextField } from '../ui/TextField.tsx'
import { worksheetNodeViews } from '../worksheets/worksheetNodeViews.ts'
import type { WorksheetTemplateView } from '../worksheets/worksheetSchemas.ts'
import { AddFieldForm } from './AddFieldForm.tsx'

const EMPTY: JSONContent = { type: 'doc', content: [{ type: 'paragraph' }] }

/**
 * Writes or changes one of the facilitator's own templates: its title, summary and source, and
 * its content with labelled answers and ratings. A built-in template is saved as a new copy.
 */
export function TemplateEditor({
  template,
  onSaved,
}: {
  /** The template to start from; null for a blank one. */
  template: WorksheetTemplateView | null
  onSaved: () => unknown
}) {
  const [title, setTitle] = useState(template ? template.title : '')
  const [summary, setSummary] = useState(template?.summary ?? '')
  const [source, setSource] = useState(template?.source ?? '')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const editor = useEditor({
    extensions: worksheetNodeViews(),
    content: (template?.content as JSONContent | undefined) ?? EMPTY,
    editorProps: {
      attributes: {
        class: 'worksheet-content',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': 'Template content',
      },
    },
  })
  const ownId = template && !template.builtIn ? template.id : null

  const save = async (event: FormEvent) => {
    event.preventDefault()
    if (busy || !editor) return
    if (!title.trim()) return setProblem('Give the template a title.')
    setBusy(true)
    setProblem(null)
    try {
      const body = { title, summary, source, content: editor.getJSON() }
      await apiRequest(ownId ? `/api/templates/${ownId}` : '/api/templates', {
        method: ownId ? 'PUT' : 'POST',
        body,
        schema: z.unknown(),
      })
      announce('The template was saved.')
      await onSaved()
    } catch (error) {
      setProblem(toApiError(error).message)
    }
    setBusy(false)
  }

  return (
    <form className="template-editor stack" onSubmit={(e) => void save(e)}>
      <TextField id="template-title" label="Title" value={title} onChange={setTitle} />
      <TextField
        id="template-summary"
        label="Summary"
        hint="One or two sentences for choosing the exercise."
        value={summary}
        onChange={setSummary}
        rows={2}
      />
      <TextField
        id="template-source"
        label="Source (optional)"
        value={source}
        onChange={setSource}
        rows={2}
      />
      <div className="field">
        <p className="field-label">Content</p>
        <EditorContent editor={editor} />
      </div>
      {editor && <AddFieldForm editor={editor as Editor} />}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
        {ownId ? 'Save the template' : 'Save as a new template'}
      </button>
    </form>
  )
}
