import type { ReactNode } from 'react'
import { AccountPage } from '../auth/AccountPage.tsx'
import { LoginPage } from '../auth/LoginPage.tsx'
import { SetupPage } from '../auth/SetupPage.tsx'
import { CreateGroupPage } from '../groups/CreateGroupPage.tsx'
import { GroupPage } from '../groups/GroupPage.tsx'
import { JoinPage } from '../join/JoinPage.tsx'
import { MemberSignInPage } from '../member-home/MemberSignInPage.tsx'
import { PlaygroundPage } from '../playground/PlaygroundPage.tsx'
import type { PathParams } from '../router/matchPath.ts'
import { SessionPage } from '../session/SessionPage.tsx'
import { TemplatesPage } from '../templates/TemplatesPage.tsx'
import { HomePage } from './HomePage.tsx'

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
