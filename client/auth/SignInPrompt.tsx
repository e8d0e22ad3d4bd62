import { Link } from '../router/Link.tsx'

/** Shown where a page needs someone signed in and nobody is (or their sign-in has ended). */
export function SignInPrompt() {
  const next = encodeURIComponent(window.location.pathname)
  return (
    <div className="notice notice--calm" role="status">
      <p>Please sign in to see this page. For your privacy, sign-ins end after a while.</p>
      <p>
        <Link to={`/login?next=${next}`}>Sign in as a facilitator</Link>
      </p>
      <p className="field-hint">
        Group members: use the sign-in link of your group, or the invitation link your facilitator
        sent you.
      </p>
    </div>
  )
}
