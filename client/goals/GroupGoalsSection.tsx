import { GoalsReview } from './GoalsReview.tsx'
import './goals.css'

/**
 * The group's goals on its page, for its facilitators: recorded here or in the room, as the
 * group agrees them; below, the goals members chose to share with the facilitators.
 */
export function GroupGoalsSection({ groupId }: { groupId: string }) {
  return (
    <div className="stack-small">
      <p className="muted">
        Members see the group’s goals at the start of each session and in their library. Their own
        goals stay private unless they share them with you.
      </p>
      <GoalsReview groupId={groupId} />
    </div>
  )
}
