import { useCallback } from 'react'
import { apiRequest } from '../api/apiRequest.ts'
import { useResource } from '../api/useResource.ts'
import { Loaded } from '../ui/Loaded.tsx'
import { CreateInvitationForm } from './CreateInvitationForm.tsx'
import { InvitationList } from './InvitationList.tsx'
import { invitationList } from './invitationSchemas.ts'

/** Invitation links: making one (shown once), and the list of those made, to withdraw. */
export function InvitationsSection({ groupId }: { groupId: string }) {
  const load = useCallback(
    (signal: AbortSignal) =>
      apiRequest(`/api/groups/${groupId}/invitations`, { schema: invitationList, signal }),
    [groupId],
  )
  const [invitations, reload] = useResource(load)
  return (
    <div className="stack">
      <CreateInvitationForm groupId={groupId} onCreated={reload} />
      <Loaded resource={invitations} loading="Loading the invitations…" retry={reload}>
        {({ invitations }) => (
          <InvitationList groupId={groupId} invitations={invitations} onChanged={reload} />
        )}
      </Loaded>
    </div>
  )
}
