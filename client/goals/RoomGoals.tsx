import { lazy, Suspense, useId, useState } from 'react'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import './roomGoals.css'

// The goals' lists (their editors and sockets) load in their own chunk.
const GoalsReview = lazy(() =>
  import('./GoalsReview.tsx').then((m) => ({ default: m.GoalsReview })),
)

/**
 * At the top of the room: the goals moment when someone enters a session in progress, and
 * afterwards one button to bring it back. Whether it is shown lives in memory only.
 *
 * The card itself is drawn at once and its lists' place is reserved; only the lists wait for
 * their chunk and documents. Drawn whole when the chunk arrived, the card pushed everything
 * below it down after the room had been laid out (a whiteboard measured before it moved).
 */
export function RoomGoals({ groupId, startOpen }: { groupId: string; startOpen: boolean }) {
  const [open, setOpen] = useState(startOpen)
  const id = useId()
  if (!open) {
    return (
      <div className="room-goals-bar">
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => setOpen(true)}
        >
          Our goals
        </button>
      </div>
    )
  }
  return (
    <section className="card goals-moment stack-small" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Our goals</h2>
      <p className="muted">
        A moment to look at what the group is working towards, and at your own.
      </p>
      <div className="goals-moment__lists">
        <Suspense fallback={<LoadingNotice>Opening the goals…</LoadingNotice>}>
          <GoalsReview groupId={groupId} />
        </Suspense>
      </div>
      <div>
        <button type="button" className="button" onClick={() => setOpen(false)}>
          Continue to the session
        </button>
      </div>
    </section>
  )
}
