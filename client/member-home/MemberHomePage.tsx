import { lazy, Suspense, useCallback } from 'react'
import { apiRequest } from '../api/apiRequest.ts'
import { useResource } from '../api/useResource.ts'
import type { MemberMe } from '../auth/meSchema.ts'
import { usePolling } from '../polling/usePolling.ts'
import { CopyField } from '../ui/CopyField.tsx'
import { Loaded } from '../ui/Loaded.tsx'
import { PageHeading } from '../ui/PageHeading.tsx'
import { PersonName } from '../ui/PersonName.tsx'
import { AgreementGate } from './AgreementGate.tsx'
import { CalendarLink } from './CalendarLink.tsx'
import { memberHome } from './memberHomeSchema.ts'
import { NextSession } from './NextSession.tsx'
import { YourMaterials } from './YourMaterials.tsx'
import { LeaveGroupSection } from '../erasure/LeaveGroupSection.tsx'
import { ReminderToggle } from '../reminders/ReminderToggle.tsx'

// One's own check-ins and scores: their own chunk.
const HowYouHaveBeen = lazy(() =>
  import('../checkins/HowYouHaveBeen.tsx').then((m) => ({ default: m.HowYouHaveBeen })),
)

// Often enough that "Join" appears soon after the facilitator opens the waiting room.
const REFRESH_MS = 10_000

/** A member's home: their group, the next session with a way in, the agreement, links. */
export function MemberHomePage({ me }: { me: MemberMe }) {
  const load = useCallback(
    (signal: AbortSignal) => apiRequest('/api/member/home', { schema: memberHome, signal }),
    [],
  )
  const [home, reload] = useResource(load)
  usePolling(reload, REFRESH_MS, home.status === 'ready')
  const title = home.status === 'ready' ? home.data.group.name : 'Your group'
  return (
    <>
      <div className="page-intro">
        <PageHeading title={title}>{title}</PageHeading>
        <p className="muted">
          You are <PersonName name={me.name} colour={me.colour} /> in this group.
        </p>
      </div>
      <Loaded resource={home} loading="Loading your group…" retry={reload}>
        {(data) => (
          <div className="member-home">
            {!data.agreement.accepted && (
              <AgreementGate agreement={data.agreement} onAccepted={reload} />
            )}
            <NextSession sessions={data.sessions} canJoin={data.agreement.accepted} />
            {data.agreement.accepted && <YourMaterials />}
            {data.agreement.accepted && (
              <Suspense fallback={null}>
                <HowYouHaveBeen />
              </Suspense>
            )}
            {(data.group.description || data.group.goals) && (
              <section className="card stack-small" aria-labelledby="about-heading">
                <h2 id="about-heading">About the group</h2>
                {data.group.description && <p className="prose">{data.group.description}</p>}
                {data.group.goals && (
                  <>
                    <h3>Goals</h3>
                    <p className="prose">{data.group.goals}</p>
                  </>
                )}
              </section>
            )}
            {data.agreement.accepted && (
              <details className="card disclosure">
                <summary>The group agreement (version {data.agreement.version})</summary>
                <div className="agreement-text">{data.agreement.text}</div>
              </details>
            )}
            <section className="card stack-small" aria-labelledby="links-heading">
              <h2 id="links-heading">Coming back</h2>
              <CopyField
                label="Your sign-in page"
                value={`${window.location.origin}/g/${data.group.id}/sign-in`}
                hint="Bookmark it: next time you sign in there with your name and passphrase."
              />
              <ReminderToggle />
              <CalendarLink />
            </section>
            <LeaveGroupSection />
          </div>
        )}
      </Loaded>
    </>
  )
}
