import { useCallStatus } from './callStatus.ts'
import type { CallState } from './callTypes.ts'

const LABELS: Record<CallState, string> = {
  connecting: 'Call: joining…',
  connected: 'Call: connected',
  reconnecting: 'Call: reconnecting…',
  disconnected: 'Call: disconnected',
}
const DOT: Record<CallState, 'connecting' | 'connected' | 'offline'> = {
  connecting: 'connecting',
  connected: 'connected',
  reconnecting: 'connecting',
  disconnected: 'offline',
}

/**
 * Beside the workspace's connection, the call's, while one is in it: a call reconnecting on a
 * weak line says so where one looks for the connection (the workspace may be fine meanwhile).
 */
export function CallBadge() {
  const state = useCallStatus()
  if (!state) return null
  return (
    <span className="status-pill" data-testid="call-state" data-state={DOT[state]}>
      <span className="status-dot" aria-hidden="true" />
      {LABELS[state]}
    </span>
  )
}
