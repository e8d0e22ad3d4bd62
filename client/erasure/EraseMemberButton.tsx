import { useState } from 'react'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { okResponse } from '../api/okResponse.ts'
import { announce } from '../ui/announce.ts'
import { useConfirm } from '../ui/useConfirm.tsx'

/**
 * For the group's lead: erase a member's data when they ask (by message, by phone): every
 * copy of theirs, what they shared from it, their pseudonym and access. Asks first.
 */
export function EraseMemberButton({
  groupId,
  member,
  onErased,
}: {
  groupId: string
  member: { id: string; pseudonym: string }
  onErased: () => void
}) {
  const [dialog, confirm] = useConfirm()
  const [problem, setProblem] = useState<string | null>(null)
  const erase = async () => {
    const ok = await confirm({
      title: `Erase ${member.pseudonym}’s data?`,
      body: (
        <p>
          Everything that is theirs is deleted for good: their own worksheet copies, the answers
          they shared, their private messages to you, their pseudonym and their access. What they
          wrote on the group’s shared sheets stays with the group. This cannot be undone.
        </p>
      ),
      confirm: `Erase ${member.pseudonym}’s data`,
      cancel: 'Keep it',
      danger: true,
    })
    if (!ok) return
    try {
      await apiRequest(`/api/groups/${groupId}/members/${member.id}/erase`, {
        method: 'POST',
        body: { confirm: 'erase' },
        schema: okResponse,
      })
      announce(`${member.pseudonym}’s data was erased.`)
      onErased()
    } catch (error) {
      setProblem(toApiError(error).message)
    }
  }
  return (
    <>
      <button
        type="button"
        className="button button--quiet-danger"
        aria-label={`Erase data for ${member.pseudonym}`}
        onClick={() => void erase()}
      >
        Erase data
      </button>
      {dialog}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </>
  )
}
