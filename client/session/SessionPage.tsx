import { lazy, Suspense } from 'react'
import { RequireSignIn } from '../auth/RequireSignIn.tsx'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import { MemberSession } from './MemberSession.tsx'

// The facilitator's side holds the sync client from the start (the waiting room comes over
// the session's signals document); a member's waiting page has no socket and loads none.
const FacilitatorSession = lazy(() =>
  import('./FacilitatorSession.tsx').then((m) => ({ default: m.FacilitatorSession })),
)

/** `/session/:id`: members go through the waiting room; facilitators run the session. */
export function SessionPage({ sessionId }: { sessionId: string }) {
  return (
    <RequireSignIn>
      {(me) =>
        me.kind === 'facilitator' ? (
          <Suspense fallback={<LoadingNotice>Opening the session…</LoadingNotice>}>
            <FacilitatorSession sessionId={sessionId} me={me} />
          </Suspense>
        ) : (
          <MemberSession sessionId={sessionId} me={me} />
        )
      }
    </RequireSignIn>
  )
}
