import type { GoalsView } from '../../shared/goals/goalsView.ts'
import { GoalsLists } from './GoalsReview.tsx'
import './goals.css'

/**
 * Goals in a member's library: the group's as the group agreed them, and their own, still
 * theirs to change and to share. Its own chunk, loaded with the library.
 */
export function LibraryGoals({ view }: { view: GoalsView }) {
  return (
    <section className="library-goals stack-small" aria-labelledby="library-goals-heading">
      <h3 id="library-goals-heading">Goals</h3>
      <p className="muted">They come back at the start of each session.</p>
      <GoalsLists view={view} level={4} />
    </section>
  )
}
