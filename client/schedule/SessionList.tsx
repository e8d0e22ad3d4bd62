import { Link } from '../router/Link.tsx'
import type { SessionView } from '../session/sessionSchemas.ts'
import { SESSION_STATUS_LABELS } from '../session/sessionStatusLabels.ts'
import { formatSessionTime } from '../ui/formatSessionTime.ts'

const isAhead = (s: SessionView) => s.status !== 'ended' && s.status !== 'cancelled'

/** Upcoming sessions first, each with a way into it; past ones folded away below. */
export function SessionList({ sessions }: { sessions: SessionView[] }) {
  const ahead = sessions.filter(isAhead)
  const past = sessions.filter((s) => !isAhead(s)).reverse()
  if (sessions.length === 0) {
    return (
      <div className="empty">
        <h3>No sessions yet</h3>
        <p>Schedule the first session below. You open its waiting room when it is time.</p>
      </div>
    )
  }
  return (
    <div className="stack-small">
      <h3>Upcoming</h3>
      {ahead.length === 0 ? (
        <p className="muted">Nothing scheduled. Schedule a session below.</p>
      ) : (
        <ul className="card-list">
          {ahead.map((session) => (
            <li key={session.id}>
              <SessionRow session={session} />
            </li>
          ))}
        </ul>
      )}
      {past.length > 0 && (
        <details className="disclosure">
          <summary>Past and cancelled sessions ({past.length})</summary>
          <ul className="card-list">
            {past.map((session) => (
              <li key={session.id}>
                <SessionRow session={session} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  )
}

function SessionRow({ session }: { session: SessionView }) {
  return (
    <article className="card session-row">
      <div>
        <h4 className="card-title">{session.title}</h4>
        <p className="muted">
          {formatSessionTime(session.startsAt, session.durationMinutes, {
            timeZone: session.timeZone,
          })}
        </p>
      </div>
      <div className="session-row-actions">
        <span className="badge" data-status={session.status}>
          {SESSION_STATUS_LABELS[session.status]}
        </span>
        {isAhead(session) && (
          <Link
            to={`/session/${session.id}`}
            className="button button--secondary"
            aria-label={`Go to session: ${session.title}`}
          >
            Go to session
          </Link>
        )}
      </div>
    </article>
  )
}
