import { Link } from '../router/Link.tsx'
import type { SessionView, WaitingMessage } from './sessionSchemas.ts'
import { formatClock } from '../ui/formatSessionTime.ts'

/**
 * The member's waiting room: calm, clear about what happens next, updating by itself, with
 * the facilitators' word if they left one (announced as it arrives).
 */
export function WaitingScreen({
  session,
  name,
  message,
}: {
  session: SessionView
  name: string
  message: WaitingMessage | null
}) {
  return (
    <section className="waiting card" aria-labelledby="waiting-heading">
      <div className="breathing" aria-hidden="true" />
      <h2 id="waiting-heading">Waiting for your facilitator</h2>
      <p>
        You are in the waiting room as <strong>{name}</strong>. Your facilitator will let you in
        {session.status === 'live' ? ' shortly.' : ' when the session begins.'}
      </p>
      <div role="status" className="waiting-message-slot">
        {message && (
          <p className="waiting-message">
            <span className="visually-hidden">A message from your facilitator: </span>
            <strong>“{message.text}”</strong>{' '}
            <span className="muted">Your facilitator, {formatClock(message.at)}</span>
          </p>
        )}
      </div>
      <p className="muted">
        Keep this page open: it moves you into the session by itself. Meanwhile, you might find a
        quiet place and take a few slow breaths.
      </p>
      <p>
        <Link to="/">Go back to your group page</Link>
      </p>
    </section>
  )
}
