import { useState } from 'react'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { okResponse } from '../api/okResponse.ts'
import { announce } from '../ui/announce.ts'
import { useConfirm } from '../ui/useConfirm.tsx'

/** Deletes the member's own copy of a worksheet, and what they shared from it, after asking. */
export function DeleteCopyButton({
  id,
  title,
  onDeleted,
}: {
  id: string
  title: string
  onDeleted: () => void
}) {
  const [dialog, confirm] = useConfirm()
  const [problem, setProblem] = useState<string | null>(null)
  const remove = async () => {
    const ok = await confirm({
      title: `Delete your copy of “${title}”?`,
      body: (
        <p>
          What you wrote in it, and any answer you shared from it, is deleted for good. Download it
          first if you want to keep it. This cannot be undone.
        </p>
      ),
      confirm: 'Delete my copy',
      cancel: 'Keep it',
      danger: true,
    })
    if (!ok) return
    try {
      await apiRequest(`/api/member/worksheets/${id}`, { method: 'DELETE', schema: okResponse })
      announce(`Your copy of ${title} was deleted.`)
      onDeleted()
    } catch (error) {
      setProblem(toApiError(error).message)
    }
  }
  return (
    <>
      <button
        type="button"
        className="button button--quiet-danger button--small"
        aria-label={`Delete your copy of ${title}`}
        onClick={() => void remove()}
      >
        Delete
      </button>
      {dialog}
      {problem && (
        <span className="field-error" role="alert">
          {problem}
        </span>
      )}
    </>
  )
}
