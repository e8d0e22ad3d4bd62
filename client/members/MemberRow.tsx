import { useState } from 'react'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { okResponse } from '../api/okResponse.ts'
import { announce } from '../ui/announce.ts'
import { CopyField } from '../ui/CopyField.tsx'
import { formatMoment } from '../ui/formatSessionTime.ts'
import { PersonName } from '../ui/PersonName.tsx'
import { EraseMemberButton } from '../erasure/EraseMemberButton.tsx'
import { reissuedLink, type GroupMember, type ReissuedLink } from './memberSchemas.ts'

/** One member, with re-issuing access and removal (which asks to confirm first). */
export function MemberRow({
  groupId,
  member,
  lead,
  onChanged,
}: {
  groupId: string
  member: GroupMember
  /** The group's lead may also erase a member's data on their request. */
  lead: boolean
  onChanged: () => void
}) {
  const [link, setLink] = useState<ReissuedLink | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const base = `/api/groups/${groupId}/members/${member.id}`

  const act = async (action: () => Promise<void>) => {
    if (busy) return
    setBusy(true)
    setProblem(null)
    try {
      await action()
    } catch (failure) {
      setProblem(toApiError(failure).message)
    }
    setBusy(false)
  }
  const reissue = () =>
    act(async () => {
      setLink(await apiRequest(`${base}/reissue`, { method: 'POST', schema: reissuedLink }))
      announce(`A new access link for ${member.pseudonym} is ready to copy.`)
    })
  const remove = () =>
    act(async () => {
      await apiRequest(`${base}/remove`, { method: 'POST', schema: okResponse })
      announce(`${member.pseudonym} was removed from the group.`)
      onChanged()
    })

  return (
    <article className="card stack-small" aria-label={member.pseudonym}>
      <div className="row-between">
        <div>
          <h3 className="card-title">
            <PersonName name={member.pseudonym} colour={member.colour} />
          </h3>
          <p className="muted">
            Joined {formatMoment(member.joinedAt)} ·{' '}
            {member.acceptedCurrent
              ? 'Accepted the current agreement'
              : 'Has not yet accepted the current agreement'}
          </p>
        </div>
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            aria-label={`Re-issue access for ${member.pseudonym}`}
            onClick={reissue}
          >
            Re-issue access
          </button>
          <button
            type="button"
            className="button button--quiet-danger"
            onClick={() => setConfirming(true)}
            aria-expanded={confirming}
            aria-label={`Remove ${member.pseudonym} from the group`}
          >
            Remove
          </button>
          {lead && <EraseMemberButton groupId={groupId} member={member} onErased={onChanged} />}
        </div>
      </div>
      {link && (
        <div className="notice notice--calm stack-small">
          <CopyField
            label={`New access link for ${member.pseudonym}`}
            value={link.url}
            hint={`Send it to them privately. It works once, until ${formatMoment(link.expiresAt)}, and ends their old sign-ins. It cannot be shown again.`}
          />
        </div>
      )}
      {confirming && (
        <div
          className="notice notice--problem stack-small"
          role="group"
          aria-label="Confirm removal"
        >
          <p>
            Remove {member.pseudonym} from the group? They lose access at once, including any
            session they are in. This cannot be undone.
          </p>
          <div className="actions">
            <button type="button" className="button button--danger" onClick={remove}>
              {busy ? 'Removing…' : `Remove ${member.pseudonym}`}
            </button>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setConfirming(false)}
            >
              Keep {member.pseudonym}
            </button>
          </div>
        </div>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </article>
  )
}
