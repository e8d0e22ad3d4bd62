import Collaboration from '@tiptap/extension-collaboration'
import { EditorContent, useEditor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { parseDocName, type DocName } from '../../shared/documents/docName.ts'
import type { SyncedDoc } from '../sync/openSyncedDoc.ts'
import { DocumentSaveStatus } from '../sync/DocumentSaveStatus.tsx'
import { useSyncedDoc } from '../sync/useSyncedDoc.ts'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import { ProblemNotice } from '../ui/ProblemNotice.tsx'
import { timeStamp } from './timeStamp.ts'

/** The facilitators' own notes of the session; members can never open this document. */
export function NotesPane({ groupId, sessionId }: { groupId: string; sessionId: string }) {
  const name = parseDocName(sessionDocName.notes(groupId, sessionId))
  return (
    <section className="panel" aria-labelledby="notes-heading">
      <h2 id="notes-heading" className="panel-heading">
        Session notes
      </h2>
      <p className="muted">Only facilitators see these notes.</p>
      {name && <SyncedNotes name={name} />}
    </section>
  )
}

function SyncedNotes({ name }: { name: DocName }) {
  const state = useSyncedDoc(name, null)
  switch (state.phase) {
    case 'loading':
      return <LoadingNotice>Opening the notes…</LoadingNotice>
    case 'failed':
      return <ProblemNotice message="The notes could not be opened." onRetry={state.retry} />
    case 'ready':
      return <NotesEditor synced={state.synced} />
  }
}

function NotesEditor({ synced }: { synced: SyncedDoc }) {
  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: synced.doc, field: 'default' }),
      ],
      editorProps: {
        attributes: {
          class: 'notes-content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': 'Session notes',
        },
      },
    },
    [synced],
  )
  return (
    <div className="notes">
      <div className="editor-bar">
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => editor?.chain().focus('end').insertContent(timeStamp(new Date())).run()}
        >
          Add time stamp
        </button>
        <DocumentSaveStatus synced={synced} />
      </div>
      <EditorContent editor={editor} />
    </div>
  )
}
