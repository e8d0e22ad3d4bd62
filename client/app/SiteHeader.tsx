import { useState } from 'react'
import { signOut } from '../auth/signOut.ts'
import { useMe } from '../auth/useMe.ts'
import { Link } from '../router/Link.tsx'
import { navigate } from '../router/navigation.ts'
import { announce } from '../ui/announce.ts'

/** The brand, and for someone signed in: where they are signed in as, and signing out. */
export function SiteHeader({ showAccount }: { showAccount: boolean }) {
  return (
    <header className="site-header">
      <Link to="/" className="brand">
        Hearth
      </Link>
      {showAccount && <AccountNav />}
    </header>
  )
}

function AccountNav() {
  const { state, forget } = useMe()
  const [busy, setBusy] = useState(false)
  if (state.status !== 'signed-in') return null
  const { me } = state
  const leave = async () => {
    if (busy) return
    setBusy(true)
    try {
      await signOut()
    } catch {
      // Signed out or not, the person asked to leave: the cookie is gone or will expire.
    }
    forget()
    setBusy(false)
    navigate(me.kind === 'member' ? `/g/${me.groupId}/sign-in` : '/')
    announce('You have signed out.')
  }
  return (
    <nav className="account-nav" aria-label="Account">
      {me.kind === 'facilitator' && (
        <>
          <Link to="/">Your groups</Link>
          <Link to="/account">Account</Link>
        </>
      )}
      <span className="account-name">
        <span className="visually-hidden">Signed in as </span>
        {me.name}
      </span>
      <button type="button" className="button button--quiet" onClick={leave}>
        {busy ? 'Signing out…' : 'Sign out'}
      </button>
    </nav>
  )
}
