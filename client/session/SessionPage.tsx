import { RequireSignIn } from '../auth/RequireSignIn.tsx'
import { FacilitatorSession } from './FacilitatorSession.tsx'
import { MemberSession } from './MemberSession.tsx'

/** `/session/:id`: members go through the waiting room; facilitators run the session. */
export function SessionPage({ sessionId }: { sessionId: string }) {
  return (
    <RequireSignIn>
      {(me) =>
        me.kind === 'facilitator' ? (
          <FacilitatorSession sessionId={sessionId} me={me} />
        ) : (
          <MemberSession sessionId={sessionId} me={me} />
        )
      }
    </RequireSignIn>
  )
}
