import type { JSONContent } from '@tiptap/core'
import { EditorContent, useEditor } from '@tiptap/react'
import { useCallback } from 'react'
import { z } from 'zod'
import { apiRequest } from '../api/apiRequest.ts'
import { useResource } from '../api/useResource.ts'
import { formatMoment } from '../ui/formatSessionTime.ts'
import { Loaded } from '../ui/Loaded.tsx'
import { worksheetNodeViews } from './worksheetNodeViews.ts'

const snapshot = z.object({
  id: z.string(),
  title: z.string(),
  takenAt: z.number(),
  content: z.custom<JSONContent>((value) => typeof value === 'object' && value !== null),
})

/** One worksheet as it was when its session ended: read only, whatever was edited since. */
export function SnapshotView({ id }: { id: string }) {
  const load = useCallback(
    (signal: AbortSignal) => apiRequest(`/api/snapshots/${id}`, { schema: snapshot, signal }),
    [id],
  )
  const [loaded, reload] = useResource(load)
  return (
    <Loaded resource={loaded} loading="Opening the sheet as it was…" retry={reload}>
      {(data) => <ReadOnlySheet {...data} />}
    </Loaded>
  )
}

function ReadOnlySheet({ title, takenAt, content }: z.infer<typeof snapshot>) {
  const label = `${title}, as it was at the end of the session`
  const editor = useEditor(
    {
      extensions: worksheetNodeViews(),
      content,
      editable: false,
      editorProps: {
        attributes: {
          class: 'worksheet-content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          'aria-readonly': 'true',
        },
      },
    },
    [content],
  )
  return (
    <div className="worksheet-editor">
      <div className="editor-bar">
        <span className="badge">Read only</span>
        <span className="muted">As it was at {formatMoment(takenAt)}</span>
      </div>
      <EditorContent editor={editor} className="worksheet-sheet" />
    </div>
  )
}
