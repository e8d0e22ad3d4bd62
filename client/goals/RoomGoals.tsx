import { lazy, Suspense, useState } from 'react'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'

// The goals (their lists, editors and sockets) load in their own chunk.
const GoalsMoment = lazy(() =>
  import('./GoalsMoment.tsx').then((m) => ({ default: m.GoalsMoment })),
)

/**
 * At the top of the room: the goals moment when someone enters a session in progress, and
 * afterwards one button to bring it back. Whether it is shown lives in memory only.
 */
export function RoomGoals({ groupId, startOpen }: { groupId: string; startOpen: boolean }) {
  const [open, setOpen] = useState(startOpen)
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
    <Suspense fallback={<LoadingNotice>Opening the goals…</LoadingNotice>}>
      <GoalsMoment groupId={groupId} onContinue={() => setOpen(false)} />
    </Suspense>
  )
}
