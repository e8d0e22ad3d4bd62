import { useState } from 'react'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { okResponse } from '../api/okResponse.ts'
import { announce } from '../ui/announce.ts'
import { useConfirm } from '../ui/useConfirm.tsx'
import { formatMoment } from '../ui/formatSessionTime.ts'
import type { Invitation } from './invitationSchemas.ts'
import { INVITATION_STATE_LABELS, invitationState } from './invitationState.ts'

/** The invitations made for the group, newest first; a usable one can be withdrawn. */
export function InvitationList({
  groupId,
  invitations,
  onChanged,
}: {
  groupId: string
  invitations: Invitation[]
  onChanged: () => void
}) {
  const [now] = useState(() => Date.now())
  const [problem, setProblem] = useState<string | null>(null)
  const [dialog, confirm] = useConfirm()

  const revoke = async (id: string) => {
    const ok = await confirm({
      title: 'Withdraw this invitation?',
      body: (
        <p>
          The link will stop working at once. Anyone who has not used it yet will need a new one.
        </p>
      ),
      confirm: 'Withdraw the invitation',
      cancel: 'Keep it',
      danger: true,
    })
    if (!ok) return
    setProblem(null)
    try {
      await apiRequest(`/api/groups/${groupId}/invitations/${id}/revoke`, {
        method: 'POST',
        schema: okResponse,
      })
      announce('Invitation withdrawn. The link no longer works.')
      onChanged()
    } catch (failure) {
      setProblem(toApiError(failure).message)
    }
  }

  if (invitations.length === 0) {
    return <p className="muted">No invitations yet.</p>
  }
  return (
    <div className="stack-small">
      {dialog}
      <h3>Invitations made</h3>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Invitations made">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">For</th>
              <th scope="col">Created</th>
              <th scope="col">Kind</th>
              <th scope="col">Used</th>
              <th scope="col">Valid until</th>
              <th scope="col">State</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((inv) => {
              const state = invitationState(inv, now)
              return (
                <tr key={inv.id}>
                  <td>{inv.label || <span className="muted">No note</span>}</td>
                  <td>{formatMoment(inv.createdAt)}</td>
                  <td>{inv.isReissue ? 'Access for a member' : 'Invitation'}</td>
                  <td>
                    {inv.uses} of {inv.maxUses}
                  </td>
                  <td>{formatMoment(inv.expiresAt)}</td>
                  <td>{INVITATION_STATE_LABELS[state]}</td>
                  <td>
                    {state === 'active' && (
                      <button
                        type="button"
                        className="button button--quiet-danger button--small"
                        aria-label={`Withdraw the invitation${inv.label ? ` for ${inv.label}` : ''} created ${formatMoment(inv.createdAt)}`}
                        onClick={() => void revoke(inv.id)}
                      >
                        Withdraw
                      </button>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
    </div>
  )
}
