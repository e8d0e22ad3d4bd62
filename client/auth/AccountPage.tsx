import { PageHeading } from '../ui/PageHeading.tsx'
import { RequireFacilitator } from './RequireSignIn.tsx'
import { TwoFactorSetup } from './TwoFactorSetup.tsx'

/** A facilitator's account: who they are signed in as, and two-factor sign-in. */
export function AccountPage() {
  return (
    <>
      <div className="page-intro">
        <PageHeading title="Your account">Your account</PageHeading>
      </div>
      <RequireFacilitator>
        {(me) => (
          <div className="stack">
            <section className="card stack-small" aria-labelledby="account-details">
              <h2 id="account-details">Details</h2>
              <dl className="facts">
                <div>
                  <dt>Name</dt>
                  <dd>{me.name}</dd>
                </div>
                <div>
                  <dt>Email</dt>
                  <dd>{me.email}</dd>
                </div>
              </dl>
            </section>
            <section className="card stack-small" aria-labelledby="two-factor">
              <h2 id="two-factor">Two-factor sign-in</h2>
              {me.twoFactor ? (
                <p className="status-line" data-state="ok">
                  <span className="status-dot" aria-hidden="true" />
                  On. Signing in asks for a code from your authenticator app.
                </p>
              ) : (
                <TwoFactorSetup />
              )}
            </section>
          </div>
        )}
      </RequireFacilitator>
    </>
  )
}
