import type { ConnectionState } from './openSyncedDoc.ts'

const LABELS: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  offline: 'Offline',
}

/** Whether this device is connected to the server. The words carry the meaning, not the dot. */
export function ConnectionBadge({ state }: { state: ConnectionState }) {
  return (
    <span className="status-pill" data-testid="connection-state" data-state={state}>
      <span className="status-dot" aria-hidden="true" />
      {LABELS[state]}
    </span>
  )
}
