import type { ReactNode } from 'react'
import { Link } from '../router/Link.tsx'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import { ProblemNotice } from '../ui/ProblemNotice.tsx'
import type { FacilitatorMe, Me } from './meSchema.ts'
import { SignInPrompt } from './SignInPrompt.tsx'
import { useMe } from './useMe.ts'

/** Renders `children` for whoever is signed in; otherwise says how to sign in. */
export function RequireSignIn({ children }: { children: (me: Me) => ReactNode }) {
  const { state, refresh } = useMe()
  switch (state.status) {
    case 'idle':
    case 'loading':
      return <LoadingNotice>Checking your sign-in…</LoadingNotice>
    case 'error':
      return <ProblemNotice message={state.error.message} onRetry={() => void refresh()} />
    case 'signed-out':
      return <SignInPrompt />
    case 'signed-in':
      return children(state.me)
  }
}

/** Renders `children` for a signed-in facilitator only. */
export function RequireFacilitator({ children }: { children: (me: FacilitatorMe) => ReactNode }) {
  return (
    <RequireSignIn>
      {(me) =>
        me.kind === 'facilitator' ? (
          children(me)
        ) : (
          <div className="notice notice--calm" role="status">
            <p>This page is for facilitators.</p>
            <p>
              <Link to="/">Go to your group</Link>
            </p>
          </div>
        )
      }
    </RequireSignIn>
  )
}
