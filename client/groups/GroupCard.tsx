import { Link } from '../router/Link.tsx'
import { formatSessionStart } from '../ui/formatSessionTime.ts'
import { GROUP_KIND_SHORT } from './groupKinds.ts'
import type { GroupSummary } from './groupSchemas.ts'

/** One group on the dashboard. The name links to the group; the rest is a summary. */
export function GroupCard({ group }: { group: GroupSummary }) {
  return (
    <article className="card group-card">
      <h2 className="card-title">
        <Link to={`/groups/${group.id}`}>{group.name}</Link>
      </h2>
      <p className="muted">
        {group.theme} · {GROUP_KIND_SHORT[group.kind]} ·{' '}
        {group.role === 'lead' ? 'You lead it' : 'You co-facilitate'}
      </p>
      <dl className="facts facts--inline">
        <div>
          <dt>Members</dt>
          <dd>
            {group.members} of {group.capacity} places
          </dd>
        </div>
        <div>
          <dt>Next session</dt>
          <dd>
            {group.nextSessionAt === null
              ? 'None scheduled'
              : formatSessionStart(group.nextSessionAt)}
          </dd>
        </div>
      </dl>
    </article>
  )
}
