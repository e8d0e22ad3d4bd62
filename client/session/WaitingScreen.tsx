import { Link } from '../router/Link.tsx'
import type { SessionView } from './sessionSchemas.ts'

/** The member's waiting room: calm, clear about what happens next, updating by itself. */
export function WaitingScreen({ session, name }: { session: SessionView; name: string }) {
  return (
    <section className="waiting card" aria-labelledby="waiting-heading">
      <div className="breathing" aria-hidden="true" />
      <h2 id="waiting-heading">Waiting for your facilitator</h2>
      <p>
        You are in the waiting room as <strong>{name}</strong>. Your facilitator will let you in
        {session.status === 'live' ? ' shortly.' : ' when the session begins.'}
      </p>
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
