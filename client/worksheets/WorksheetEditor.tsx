import { EditorContent, useEditor } from '@tiptap/react'
import { useEffect, useRef, type ReactNode } from 'react'
import { focusFirstField } from './focusFirstField.ts'
import type * as Y from 'yjs'
import type { DocName } from '../../shared/documents/docName.ts'
import { CloseCode } from '../../shared/sync/closeCodes.ts'
import type { SyncedDoc } from '../sync/openSyncedDoc.ts'
import { DocumentSaveStatus } from '../sync/DocumentSaveStatus.tsx'
import { useSyncedDoc } from '../sync/useSyncedDoc.ts'
import { useSyncSnapshot } from '../sync/useSyncSnapshot.ts'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import { ProblemNotice } from '../ui/ProblemNotice.tsx'
import { refusalText } from '../sync/refusalText.ts'
import { worksheetEditorExtensions } from './worksheetEditorExtensions.ts'

export interface WorksheetEditorProps {
  docName: DocName
  /** What the sheet is, for the editor's accessible name: "Thought record", "Robin's copy…". */
  label: string
  readOnly: boolean
  /** This person, for their own view of the carets (the server stamps the real identity). */
  user: { name: string; colour: string }
  /** Shown below the sheet, with its document (the sharing controls read its fields). */
  footer?: (doc: Y.Doc) => ReactNode
  /**
   * Each new value (once synced): scroll the sheet into view and put the focus in its first
   * field. Null: leave the focus where it is.
   */
  focusKey?: number | null
}

/**
 * One worksheet document, edited together: the sheet opens over its own sync socket (the login
 * cookie is the key), and edits made offline stay in this tab until it reconnects. Render with
 * `key={docName}`.
 */
export function WorksheetEditor(props: WorksheetEditorProps) {
  const state = useSyncedDoc(props.docName, null)
  switch (state.phase) {
    case 'loading':
      return <LoadingNotice>Opening the worksheet…</LoadingNotice>
    case 'failed':
      return <ProblemNotice message="The worksheet could not be opened." onRetry={state.retry} />
    case 'ready':
      return <SyncedWorksheet {...props} synced={state.synced} />
  }
}

function SyncedWorksheet({
  label,
  readOnly: readOnlyByRight,
  user,
  footer,
  focusKey = null,
  synced,
}: WorksheetEditorProps & { synced: SyncedDoc }) {
  const { hasSynced, refusedWith } = useSyncSnapshot(synced)
  // A full or damaged sheet stays on screen to read and copy from; any other refusal takes it away.
  const keepsSheet =
    refusedWith === CloseCode.documentFull || refusedWith === CloseCode.documentDamaged
  const readOnly = readOnlyByRight || keepsSheet
  const editor = useEditor(
    {
      extensions: worksheetEditorExtensions(synced.doc, synced.provider, {
        name: user.name,
        color: user.colour,
      }),
      editable: !readOnly,
      editorProps: {
        attributes: {
          class: 'worksheet-content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          'aria-readonly': String(readOnly),
        },
      },
    },
    [synced, readOnly],
  )
  const focused = useRef<number | null>(null)
  useEffect(() => {
    if (focusKey === null || !hasSynced || !editor || focused.current === focusKey) return
    focused.current = focusKey
    focusFirstField(editor)
  }, [focusKey, hasSynced, editor])
  if (refusedWith !== null && !keepsSheet) {
    return (
      <div className="notice notice--calm" role="status">
        <p>{refusalText(refusedWith)}</p>
      </div>
    )
  }
  return (
    <div className="worksheet-editor" aria-busy={!hasSynced}>
      {keepsSheet && (
        <div className="notice notice--calm" role="status">
          <p>{refusalText(refusedWith)}</p>
        </div>
      )}
      <div className="editor-bar">
        {readOnly && <span className="badge">Read only</span>}
        <DocumentSaveStatus synced={synced} />
      </div>
      <EditorContent editor={editor} className="worksheet-sheet" />
      {footer?.(synced.doc)}
    </div>
  )
}
