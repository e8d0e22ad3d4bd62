import { lazy, type ReactNode } from 'react'
import type { PathParams } from '../../shared/routes/matchPath.ts'

// Each page is its own chunk, fetched when its address is opened: the invitation page does not
// carry the facilitator's dashboard, nor the room the worksheet editor (that loads on "Open").
const HomePage = lazy(() => import('./HomePage.tsx').then((m) => ({ default: m.HomePage })))
const LoginPage = lazy(() =>
  import('../auth/LoginPage.tsx').then((m) => ({ default: m.LoginPage })),
)
const SetupPage = lazy(() =>
  import('../auth/SetupPage.tsx').then((m) => ({ default: m.SetupPage })),
)
const AccountPage = lazy(() =>
  import('../auth/AccountPage.tsx').then((m) => ({ default: m.AccountPage })),
)
const CreateGroupPage = lazy(() =>
  import('../groups/CreateGroupPage.tsx').then((m) => ({ default: m.CreateGroupPage })),
)
const GroupPage = lazy(() =>
  import('../groups/GroupPage.tsx').then((m) => ({ default: m.GroupPage })),
)
const JoinPage = lazy(() => import('../join/JoinPage.tsx').then((m) => ({ default: m.JoinPage })))
const MemberSignInPage = lazy(() =>
  import('../member-home/MemberSignInPage.tsx').then((m) => ({ default: m.MemberSignInPage })),
)
const PlaygroundPage = lazy(() =>
  import('../playground/PlaygroundPage.tsx').then((m) => ({ default: m.PlaygroundPage })),
)
const SessionPage = lazy(() =>
  import('../session/SessionPage.tsx').then((m) => ({ default: m.SessionPage })),
)
const DecksPage = lazy(() =>
  import('../slides/DecksPage.tsx').then((m) => ({ default: m.DecksPage })),
)
const DeckPage = lazy(() => import('../slides/DeckPage.tsx').then((m) => ({ default: m.DeckPage })))
const TemplatesPage = lazy(() =>
  import('../templates/TemplatesPage.tsx').then((m) => ({ default: m.TemplatesPage })),
)

export interface AppRoute {
  path: string
  render: (params: PathParams, search: string) => ReactNode
  /**
   * Opened by people who are not signed in (yet): the page does not ask who is signed in,
   * and the header shows no account controls.
   */
  entry?: boolean
  /** Pages with a side column are wider: the group page, the session room. */
  width?: 'medium' | 'wide'
}

/** Every page, first match wins. The server answers index.html for all of these paths. */
export const ROUTES: readonly AppRoute[] = [
  { path: '/', render: () => <HomePage /> },
  { path: '/login', render: () => <LoginPage />, entry: true },
  { path: '/setup', render: () => <SetupPage />, entry: true },
  { path: '/join', render: () => <JoinPage />, entry: true },
  {
    path: '/g/:groupId/sign-in',
    render: ({ groupId }) => <MemberSignInPage groupId={groupId!} />,
    entry: true,
  },
  { path: '/account', render: () => <AccountPage /> },
  { path: '/templates', render: () => <TemplatesPage />, width: 'medium' },
  { path: '/decks', render: () => <DecksPage />, width: 'medium' },
  {
    path: '/decks/:deckId',
    render: ({ deckId }) => <DeckPage key={deckId} deckId={deckId!} />,
    width: 'wide',
  },
  { path: '/groups/new', render: () => <CreateGroupPage /> },
  {
    path: '/groups/:groupId/:section?',
    render: ({ groupId, section }) => (
      <GroupPage key={groupId} groupId={groupId!} section={section ?? 'schedule'} />
    ),
    width: 'medium',
  },
  {
    path: '/session/:sessionId',
    render: ({ sessionId }) => <SessionPage key={sessionId} sessionId={sessionId!} />,
    width: 'wide',
  },
  {
    path: '/playground',
    render: (_, search) => <PlaygroundPage search={search} />,
    entry: true,
  },
]
