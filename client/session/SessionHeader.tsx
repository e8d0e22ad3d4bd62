import type { ReactNode } from 'react'
import { Link } from '../router/Link.tsx'
import { formatSessionTime } from '../ui/formatSessionTime.ts'
import { PageHeading } from '../ui/PageHeading.tsx'
import type { SessionView } from './sessionSchemas.ts'
import { SESSION_STATUS_LABELS } from './sessionStatusLabels.ts'

/** The session's title, its time and status, and (in the room) the connection state. */
export function SessionHeader({
  session,
  backTo,
  children,
}: {
  session: SessionView | null
  backTo: { to: string; label: string }
  children?: ReactNode
}) {
  const title = session?.title ?? 'Session'
  return (
    <header className="session-header">
      <p className="breadcrumb">
        <Link to={backTo.to}>{backTo.label}</Link>
      </p>
      <div className="session-header-row">
        <div>
          <PageHeading title={title}>{title}</PageHeading>
          {session && (
            <p className="muted">{formatSessionTime(session.startsAt, session.durationMinutes)}</p>
          )}
        </div>
        <div className="session-header-status" aria-live="polite">
          {session && (
            <span className="badge badge--status" data-status={session.status}>
              {SESSION_STATUS_LABELS[session.status]}
              {session.locked && ' · Locked'}
            </span>
          )}
          {children}
        </div>
      </div>
    </header>
  )
}
