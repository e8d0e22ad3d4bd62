import { useEffect, useRef, type KeyboardEvent } from 'react'
import type * as Y from 'yjs'
import { PrivateLinePanel } from '../chat/PrivateLinePanel.tsx'
import { SilentSignalButtons } from '../signals/SilentSignalButtons.tsx'
import { RaiseHand } from '../hands/RaiseHand.tsx'
import type { ConnectionState } from '../sync/openSyncedDoc.ts'

export const SIGNAL_DOCK_ID = 'signal-dock'

interface SignalDockProps {
  sessionId: string
  /** The member's private line (null while it opens). */
  lineDoc: Y.Doc | null
  /** The session is over: the private line is read only. */
  over: boolean
  connection: ConnectionState
  /** On a phone: opened from the bottom bar, above it. Wide screens always show it. */
  open: boolean
  onClose: () => void
}

/**
 * Where a member's silent signal and private conversation with the facilitators live: at the top of the side panel on a wide screen; on a
 * phone, a sheet that opens above the bottom bar from "Tell your facilitator", takes the
 * focus, and closes with Escape or "Close".
 */
export function SignalDock({ open, onClose, over, ...signal }: SignalDockProps) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (open) ref.current?.querySelector<HTMLElement>('button')?.focus()
  }, [open])
  const close = () => {
    onClose()
    document.getElementById(`${SIGNAL_DOCK_ID}-opener`)?.focus()
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) close()
  }
  return (
    <div
      ref={ref}
      id={SIGNAL_DOCK_ID}
      className="signal-dock"
      data-open={open ? 'true' : 'false'}
      onKeyDown={onKeyDown}
    >
      {/* The signal first: the sheet opens with the focus on "I need a moment". */}
      <SilentSignalButtons {...signal} />
      <RaiseHand sessionId={signal.sessionId} lineDoc={signal.lineDoc} over={over} />
      <PrivateLinePanel sessionId={signal.sessionId} lineDoc={signal.lineDoc} over={over} />
      <button
        type="button"
        className="button button--quiet button--small signal-dock-close"
        onClick={close}
      >
        Close
      </button>
    </div>
  )
}
