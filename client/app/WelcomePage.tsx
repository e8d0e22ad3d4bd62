import { Link } from '../router/Link.tsx'
import { PageHeading } from '../ui/PageHeading.tsx'

/** What a signed-out visitor sees at `/`. */
export function WelcomePage() {
  return (
    <div className="narrow stack">
      <div className="page-intro">
        <PageHeading title="Welcome">Welcome to Hearth</PageHeading>
        <p className="lede">
          A calm, private space for online therapy groups: sessions with a waiting room, a shared
          workspace, and a group agreement everyone has read.
        </p>
      </div>
      {new URLSearchParams(window.location.search).has('left') && (
        <p className="notice notice--calm" role="status">
          You have left the group and your data was erased. Take care of yourself.
        </p>
      )}
      <div className="card stack-small">
        <h2>Facilitators</h2>
        <p>Sign in to run your groups and sessions.</p>
        <p>
          <Link className="button button--primary" to="/login">
            Sign in as a facilitator
          </Link>
        </p>
      </div>
      <div className="card stack-small">
        <h2>Group members</h2>
        <p>
          You join through the invitation link your facilitator sent you. After that, you sign in
          from your group&apos;s sign-in page, with your name in the group and your passphrase.
        </p>
        <h3>Lost your sign-in page or your passphrase?</h3>
        <p>
          Ask your facilitator for a new access link (by email, text message or at your next
          session). It signs you back in under the same name, with everything you wrote, and lets
          you choose a new passphrase. Your facilitator never sees your passphrase.
        </p>
      </div>
    </div>
  )
}
