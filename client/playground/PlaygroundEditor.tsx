import { useEffect, useRef, useState } from 'react'
import { createGuest } from '../presence/createGuest.ts'
import { PresenceList } from '../presence/PresenceList.tsx'
import { usePresence } from '../presence/usePresence.ts'
import type { SyncedDoc } from '../sync/openSyncedDoc.ts'
import { SyncStatus } from '../sync/SyncStatus.tsx'
import { useSyncSnapshot } from '../sync/useSyncSnapshot.ts'
import { bindTextarea } from './bindTextarea.ts'
import type { PlaygroundParams } from './playgroundParams.ts'

/** The shared textarea with its status and who is here. */
export function PlaygroundEditor({
  synced,
  params,
}: {
  synced: SyncedDoc
  params: PlaygroundParams
}) {
  const { hasSynced } = useSyncSnapshot(synced)
  const [guest] = useState(createGuest)
  const peers = usePresence(synced.provider.awareness, guest)
  const textareaRef = useRef<HTMLTextAreaElement>(null)
  useEffect(() => {
    const textarea = textareaRef.current
    if (!textarea) return
    return bindTextarea(textarea, synced.doc.getText('text'))
  }, [synced])

  const readOnly = params.access === 'read'
  const otherView = readOnly ? 'write' : 'read'
  return (
    <div className="editor">
      <div className="editor-bar">
        <SyncStatus synced={synced} />
        <PresenceList peers={peers} />
      </div>
      <div className="field">
        <label htmlFor="shared-text" className="field-label">
          Shared text
        </label>
        <p className="field-hint" id="shared-text-hint">
          Document <code>{params.docName}</code> ·{' '}
          <a href={`?doc=${params.segment}${otherView === 'read' ? '&access=read' : ''}`}>
            {otherView === 'read' ? 'Open a read-only view' : 'Open an editable view'}
          </a>
        </p>
        {readOnly && (
          <p className="note" id="read-only-note">
            Read-only: you can follow along, but not edit.
          </p>
        )}
        <textarea
          id="shared-text"
          ref={textareaRef}
          className="shared-text"
          readOnly={readOnly || !hasSynced}
          aria-busy={!hasSynced}
          aria-describedby={readOnly ? 'read-only-note shared-text-hint' : 'shared-text-hint'}
          placeholder={
            hasSynced ? (readOnly ? 'Nothing written yet.' : 'Start typing…') : 'Loading…'
          }
          rows={14}
          spellCheck
        />
      </div>
    </div>
  )
}
