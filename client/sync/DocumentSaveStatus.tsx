import type { SyncedDoc } from './openSyncedDoc.ts'
import { SaveIndicator } from './SaveIndicator.tsx'
import { useSaveStatus } from './useSaveStatus.ts'
import { useWarnBeforeLeaving } from './useWarnBeforeLeaving.ts'

/**
 * Whether one document's edits are durable, for a page that already shows its connection once
 * (the session room's header). Leaving while edits are not yet durable asks for confirmation.
 */
export function DocumentSaveStatus({ synced }: { synced: SyncedDoc }) {
  const save = useSaveStatus(synced)
  useWarnBeforeLeaving(save === 'saving' || save === 'not-saved' || save === 'offline-unsaved')
  return (
    <div className="sync-status" aria-live="polite">
      <SaveIndicator status={save} />
    </div>
  )
}
