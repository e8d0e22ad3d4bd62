import { lazy, Suspense, useId, useState } from 'react'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'

// tldraw is heavy (about 530 KB gzipped): it loads only when the member asks for the whiteboard.
const WhiteboardPanel = lazy(() =>
  import('./WhiteboardPanel.tsx').then((m) => ({ default: m.WhiteboardPanel })),
)

/**
 * After the session, on a member's session page: the whiteboard to come back to (the group
 * canvas as the group left it, where it is released, and their own canvas), opened on request.
 */
export function EndedWhiteboard({ sessionId }: { sessionId: string }) {
  const id = useId()
  const [open, setOpen] = useState(false)
  return (
    <section className="card stack-small" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Whiteboard</h2>
      {open ? (
        <Suspense fallback={<LoadingNotice>Opening the whiteboard…</LoadingNotice>}>
          <WhiteboardPanel sessionId={sessionId} role="member" over />
        </Suspense>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          Open the whiteboard
        </button>
      )}
    </section>
  )
}
