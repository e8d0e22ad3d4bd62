import { ConnectionBadge } from './ConnectionBadge.tsx'
import type { SyncedDoc } from './openSyncedDoc.ts'
import { SaveIndicator } from './SaveIndicator.tsx'
import { useSaveStatus } from './useSaveStatus.ts'
import { useSyncSnapshot } from './useSyncSnapshot.ts'
import { useWarnBeforeLeaving } from './useWarnBeforeLeaving.ts'

/**
 * The connection badge and save indicator, announced politely to screen readers. Leaving the
 * page while edits are not yet durable asks for confirmation.
 */
export function SyncStatus({ synced }: { synced: SyncedDoc }) {
  const { connection } = useSyncSnapshot(synced)
  const save = useSaveStatus(synced)
  useWarnBeforeLeaving(save === 'saving' || save === 'not-saved' || save === 'offline-unsaved')
  return (
    <div className="sync-status" aria-live="polite">
      <ConnectionBadge state={connection} />
      <SaveIndicator status={save} />
    </div>
  )
}
