import { useCallback } from 'react'
import { apiRequest } from '../api/apiRequest.ts'
import { useResource } from '../api/useResource.ts'
import { Link } from '../router/Link.tsx'
import { Loaded } from '../ui/Loaded.tsx'
import { EraseMemberButton } from '../erasure/EraseMemberButton.tsx'
import { MemberRow } from './MemberRow.tsx'
import { FORMER_MEMBER } from '../../shared/members/formerMember.ts'
import { memberList } from './memberSchemas.ts'

/** The group's members by pseudonym: their agreement status, re-issuing access, removal. */
export function MembersSection({ groupId, lead }: { groupId: string; lead: boolean }) {
  const load = useCallback(
    (signal: AbortSignal) =>
      apiRequest(`/api/groups/${groupId}/members`, { schema: memberList, signal }),
    [groupId],
  )
  const [members, reload] = useResource(load)
  return (
    <Loaded resource={members} loading="Loading the members…" retry={reload}>
      {({ members }) => {
        const active = members.filter((m) => m.status === 'active')
        const removed = members.filter((m) => m.status === 'removed')
        return (
          <div className="stack">
            {active.length === 0 ? (
              <div className="empty">
                <h3>No members yet</h3>
                <p>
                  Members join through an invitation link.{' '}
                  <Link to={`/groups/${groupId}/invitations`}>Create an invitation</Link>.
                </p>
              </div>
            ) : (
              <ul className="card-list" aria-label="Members">
                {active.map((member) => (
                  <li key={member.id}>
                    <MemberRow groupId={groupId} member={member} lead={lead} onChanged={reload} />
                  </li>
                ))}
              </ul>
            )}
            {removed.length > 0 && (
              <details className="disclosure">
                <summary>Removed members ({removed.length})</summary>
                <ul className="plain-list">
                  {removed.map((member) => (
                    <li key={member.id} className="row-between">
                      {member.pseudonym}
                      {lead && member.pseudonym !== FORMER_MEMBER && (
                        <EraseMemberButton groupId={groupId} member={member} onErased={reload} />
                      )}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </div>
        )
      }}
    </Loaded>
  )
}
