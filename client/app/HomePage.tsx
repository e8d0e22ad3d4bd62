import { useMe } from '../auth/useMe.ts'
import { DashboardPage } from '../groups/DashboardPage.tsx'
import { MemberHomePage } from '../member-home/MemberHomePage.tsx'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import { ProblemNotice } from '../ui/ProblemNotice.tsx'
import { WelcomePage } from './WelcomePage.tsx'

/** `/` is each person's home: the facilitator's groups, the member's group, or a welcome. */
export function HomePage() {
  const { state, refresh } = useMe()
  switch (state.status) {
    case 'idle':
    case 'loading':
      return <LoadingNotice>Opening Hearth…</LoadingNotice>
    case 'error':
      return <ProblemNotice message={state.error.message} onRetry={() => void refresh()} />
    case 'signed-out':
      return <WelcomePage />
    case 'signed-in':
      return state.me.kind === 'facilitator' ? <DashboardPage /> : <MemberHomePage me={state.me} />
  }
}
