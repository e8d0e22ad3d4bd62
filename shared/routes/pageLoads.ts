import { matchPath } from './matchPath.ts'

/**
 * What each client page fetches first, so that the server can name it in the app shell it
 * sends (`<link rel="modulepreload">`, `<link rel="preload" as="fetch">`): the browser then
 * fetches the page's chunk and its first API answers while the main script is still on the
 * wire, instead of one round trip after another. On a phone 560 ms away that is seconds.
 *
 * `module` is the page's source file relative to `client/` (the key of Vite's manifest);
 * `api` are GET paths the page asks for at once, with `:param`s from the address. Every
 * route of `client/app/routes.tsx` has its entry here (checked by a test there).
 */
export interface PageLoad {
  path: string
  module: string
  api: readonly string[]
}

const ME = '/api/me'

export const PAGE_LOADS: readonly PageLoad[] = [
  { path: '/', module: 'app/HomePage.tsx', api: [ME] },
  { path: '/login', module: 'auth/LoginPage.tsx', api: [] },
  { path: '/setup', module: 'auth/SetupPage.tsx', api: [] },
  { path: '/join', module: 'join/JoinPage.tsx', api: [] },
  { path: '/g/:groupId/sign-in', module: 'member-home/MemberSignInPage.tsx', api: [] },
  { path: '/account', module: 'auth/AccountPage.tsx', api: [ME] },
  { path: '/templates', module: 'templates/TemplatesPage.tsx', api: [ME] },
  { path: '/decks', module: 'slides/DecksPage.tsx', api: [ME, '/api/decks'] },
  { path: '/decks/:deckId', module: 'slides/DeckPage.tsx', api: [ME] },
  { path: '/groups/new', module: 'groups/CreateGroupPage.tsx', api: [ME] },
  { path: '/groups/:groupId/:section?', module: 'groups/GroupPage.tsx', api: [ME] },
  {
    path: '/session/:sessionId',
    module: 'session/SessionPage.tsx',
    api: [ME, '/api/sessions/:sessionId'],
  },
  { path: '/playground', module: 'playground/PlaygroundPage.tsx', api: [] },
]

// Ids are short and plain; anything else in an address is not worth a preload.
const PLAIN = /^[A-Za-z0-9_-]{1,64}$/

/**
 * The page a pathname opens and the API paths it will ask for, with the address's
 * parameters filled in; null for an unknown address. A parameter that is not a plain id
 * drops the API path it would be part of (it goes into HTML, so nothing odd may).
 */
export function pageLoadFor(pathname: string): { module: string; api: string[] } | null {
  for (const page of PAGE_LOADS) {
    const params = matchPath(page.path, pathname)
    if (!params) continue
    const api: string[] = []
    for (const template of page.api) {
      let plain = true
      const path = template.replace(/:(\w+)/g, (_, name: string) => {
        const value = params[name] ?? ''
        if (!PLAIN.test(value)) plain = false
        return value
      })
      if (plain) api.push(path)
    }
    return { module: page.module, api }
  }
  return null
}
