import { useState } from 'react'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { okResponse } from '../api/okResponse.ts'
import { useConfirm } from '../ui/useConfirm.tsx'

/**
 * A member's way out: leave the group and erase everything that is theirs. Asks first, and
 * says plainly what goes and what stays (the group's shared sheets are the group's).
 */
export function LeaveGroupSection() {
  const [dialog, confirm] = useConfirm()
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const leave = async () => {
    const ok = await confirm({
      title: 'Leave the group and erase your data?',
      body: (
        <p>
          Your own worksheet copies, the answers you shared, your messages to the facilitators and
          your pseudonym are deleted for good, and you are signed out. What you wrote on the group’s
          shared sheets stays with the group. Download anything you want to keep first. This cannot
          be undone.
        </p>
      ),
      confirm: 'Leave and erase my data',
      cancel: 'Stay in the group',
      danger: true,
    })
    if (!ok) return
    setBusy(true)
    try {
      await apiRequest('/api/member/erase', {
        method: 'POST',
        body: { confirm: 'erase' },
        schema: okResponse,
      })
      // A full load: nothing of the member's stays in this page's memory.
      window.location.assign('/?left=1')
    } catch (error) {
      setProblem(toApiError(error).message)
      setBusy(false)
    }
  }
  return (
    <section className="card stack-small" aria-labelledby="leave-heading">
      <h2 id="leave-heading">Leaving the group</h2>
      <p className="muted">
        You can leave at any time. Your data is then erased: nothing of yours is kept.
      </p>
      <div>
        <button
          type="button"
          className="button button--quiet-danger"
          aria-disabled={busy || undefined}
          onClick={() => void leave()}
        >
          {busy ? 'Erasing…' : 'Leave and erase my data'}
        </button>
      </div>
      {dialog}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  )
}
