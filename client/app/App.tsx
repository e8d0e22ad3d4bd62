import { Suspense } from 'react'
import { MeProvider } from '../auth/MeProvider.tsx'
import { useLocation } from '../router/navigation.ts'
import { LiveAnnouncer } from '../ui/LiveAnnouncer.tsx'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import { findRoute } from './findRoute.ts'
import { NotFoundPage } from './NotFoundPage.tsx'
import { ROUTES } from './routes.tsx'
import { SiteHeader } from './SiteHeader.tsx'

/** The page shell: skip link, header, the page for the current address, and the live region. */
export function App() {
  const { pathname, search } = useLocation()
  const found = findRoute(ROUTES, pathname)
  // An unknown address is treated like an entry page: nothing there needs the person.
  const entry = found ? (found.route.entry ?? false) : true
  return (
    <MeProvider needed={!entry}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader showAccount={!entry} />
      <main id="main" className={`page page--${found?.route.width ?? 'narrow'}`} tabIndex={-1}>
        <Suspense fallback={<LoadingNotice>Opening the page…</LoadingNotice>}>
          {found ? found.route.render(found.params, search) : <NotFoundPage />}
        </Suspense>
      </main>
      <LiveAnnouncer />
    </MeProvider>
  )
}
