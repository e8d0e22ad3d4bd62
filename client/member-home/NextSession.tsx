import { Link } from '../router/Link.tsx'
import { formatSessionTime } from '../ui/formatSessionTime.ts'
import type { MemberSession } from './memberHomeSchema.ts'

const isOpen = (s: MemberSession) => s.status === 'open' || s.status === 'live'

/** The next session, with "Join" once its waiting room is open; later ones listed below. */
export function NextSession({
  sessions,
  canJoin,
}: {
  sessions: MemberSession[]
  canJoin: boolean
}) {
  const [next, ...later] = sessions
  return (
    <section className="card stack-small next-session" aria-labelledby="next-heading">
      <h2 id="next-heading">Next session</h2>
      {!next ? (
        <p>No session is scheduled yet. Your facilitator will add the next one.</p>
      ) : (
        <>
          <p className="next-session-title">{next.title}</p>
          <p>{formatSessionTime(next.startsAt, next.durationMinutes)}</p>
          <div aria-live="polite">
            {!isOpen(next) ? (
              <p className="muted">
                The waiting room opens when your facilitator opens it, shortly before the start.
                This page updates by itself.
              </p>
            ) : canJoin ? (
              <div className="stack-small">
                <p className="status-line" data-state="ok">
                  <span className="status-dot" aria-hidden="true" />
                  {next.status === 'live'
                    ? 'The session has started.'
                    : 'The waiting room is open.'}
                </p>
                <p>
                  <Link to={`/session/${next.id}`} className="button button--primary button--large">
                    Join session
                  </Link>
                </p>
              </div>
            ) : (
              <p className="notice notice--problem">
                The waiting room is open. Please read and accept the updated group agreement above
                to join.
              </p>
            )}
          </div>
        </>
      )}
      {later.length > 0 && (
        <>
          <h3>After that</h3>
          <ul className="plain-list">
            {later.map((s) => (
              <li key={s.id}>
                {s.title}: {formatSessionTime(s.startsAt, s.durationMinutes)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
