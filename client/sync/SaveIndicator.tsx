import type { SaveStatus } from '../../shared/sync/SaveState.ts'

// Nothing is kept on disk in the browser: unsaved changes live only as long as this tab.
const LABELS: Record<SaveStatus, string> = {
  saved: 'Saved',
  saving: 'Saving…',
  'not-saved': 'Not saved yet — the server cannot store changes right now; keep this page open',
  'offline-unsaved': 'Offline — changes kept in this tab until it reconnects',
  offline: 'Offline — nothing unsaved',
  refused: 'Read-only — your changes are not saved',
}

/** "Saved" only once the server has said every local edit is durable. */
export function SaveIndicator({ status }: { status: SaveStatus }) {
  return (
    <span className="status-pill" data-testid="save-state" data-state={status}>
      <span className="status-dot" aria-hidden="true" />
      {LABELS[status]}
    </span>
  )
}
