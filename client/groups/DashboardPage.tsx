import { useCallback } from 'react'
import { apiRequest } from '../api/apiRequest.ts'
import { useResource } from '../api/useResource.ts'
import { Link } from '../router/Link.tsx'
import { Loaded } from '../ui/Loaded.tsx'
import { PageHeading } from '../ui/PageHeading.tsx'
import { GroupCard } from './GroupCard.tsx'
import { groupList } from './groupSchemas.ts'

/** A facilitator's home: their groups, each with its next session and members. */
export function DashboardPage() {
  const load = useCallback(
    (signal: AbortSignal) => apiRequest('/api/groups', { schema: groupList, signal }),
    [],
  )
  const [groups, reload] = useResource(load)
  return (
    <>
      <div className="page-intro page-intro--row">
        <PageHeading title="Your groups">Your groups</PageHeading>
        <span className="actions">
          <Link to="/templates" className="button button--secondary">
            Worksheet templates
          </Link>
          <Link to="/decks" className="button button--secondary">
            Slide decks
          </Link>
          <Link to="/groups/new" className="button button--primary">
            Create a group
          </Link>
        </span>
      </div>
      <Loaded resource={groups} loading="Loading your groups…" retry={reload}>
        {({ groups }) =>
          groups.length === 0 ? (
            <div className="empty">
              <h2>No groups yet</h2>
              <p>
                Create your first group: give it a name, set how private it is, and write the group
                agreement members accept before joining. Then schedule a session and invite members.
              </p>
            </div>
          ) : (
            <ul className="card-list" aria-label="Groups">
              {groups.map((group) => (
                <li key={group.id}>
                  <GroupCard group={group} />
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </>
  )
}
