import { Link } from '../router/Link.tsx'
import { PageHeading } from '../ui/PageHeading.tsx'

/** An address the app does not know. */
export function NotFoundPage() {
  return (
    <div className="page-intro">
      <PageHeading title="Page not found">This page does not exist</PageHeading>
      <p className="lede">
        The link may be incomplete. <Link to="/">Go to the start page</Link>.
      </p>
    </div>
  )
}
