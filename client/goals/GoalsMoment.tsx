import { useId } from 'react'
import { GoalsReview } from './GoalsReview.tsx'
import './goals.css'

/**
 * The moment at the start of a session: the group's goals and one's own, to look at together
 * before the session goes on. Its own chunk, loaded with the room.
 */
export function GoalsMoment({ groupId, onContinue }: { groupId: string; onContinue: () => void }) {
  const id = useId()
  return (
    <section className="card goals-moment stack-small" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Our goals</h2>
      <p className="muted">
        A moment to look at what the group is working towards, and at your own.
      </p>
      <GoalsReview groupId={groupId} />
      <div>
        <button type="button" className="button" onClick={onContinue}>
          Continue to the session
        </button>
      </div>
    </section>
  )
}
