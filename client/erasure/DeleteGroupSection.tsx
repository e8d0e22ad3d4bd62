import { useState, type FormEvent } from 'react'
import { eraseGroupRequest } from '../../shared/api/schemas.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { okResponse } from '../api/okResponse.ts'
import type { GroupDetail } from '../groups/groupSchemas.ts'
import { navigate } from '../router/navigation.ts'
import { announce } from '../ui/announce.ts'
import { FormProblem } from '../ui/FormProblem.tsx'
import { TextField } from '../ui/TextField.tsx'

/**
 * For the group's lead: delete the whole group, for good (issue 19). Says plainly what goes
 * and what stays; the button works only once the group's name is typed exactly, so that a
 * wrong tab or a stray click erases nothing.
 */
export function DeleteGroupSection({ group }: { group: GroupDetail }) {
  const name = group.settings.name
  const [typed, setTyped] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const matches = typed === name

  const erase = async (event: FormEvent) => {
    event.preventDefault()
    if (busy || !matches) return
    setBusy(true)
    setProblem(null)
    try {
      await apiRequest(`/api/groups/${group.id}/erase`, {
        method: 'POST',
        body: eraseGroupRequest.parse({ confirm: 'erase', name: typed }),
        schema: okResponse,
      })
      announce(`The group ${name} was deleted permanently.`)
      navigate('/', { replace: true })
    } catch (failure) {
      setProblem(toApiError(failure).message)
      setBusy(false)
    }
  }

  return (
    <section className="card card--danger stack-small" aria-labelledby="danger-heading">
      <h3 id="danger-heading">Danger zone</h3>
      <h4 id="delete-group-heading">Delete this group permanently</h4>
      <p id="delete-group-what">
        Everything in the group is deleted for good: every session’s materials (worksheets, slides,
        whiteboards, notes), the chat, check-ins and questionnaires, goals, and every member’s
        private worksheets, pseudonym and access. Members are signed out at once. Backups cannot
        bring any of it back: the keys that could read them are destroyed too.
      </p>
      <p id="delete-group-kept">
        Kept: the audit trail, which records who did what by ids and counts, without any content.
        Export any session you must keep before deleting. This cannot be undone.
      </p>
      <form
        className="form"
        onSubmit={erase}
        noValidate
        aria-labelledby="delete-group-heading"
        aria-describedby="delete-group-what delete-group-kept"
      >
        <TextField
          id="delete-group-name"
          label="Type the group’s name to confirm"
          hint={
            <>
              Type <strong>{name}</strong> exactly as it is written.
            </>
          }
          value={typed}
          onChange={(value) => {
            setTyped(value)
            setProblem(null)
          }}
          autoComplete="off"
          spellCheck={false}
        />
        <FormProblem message={problem} />
        <div>
          <button
            type="submit"
            className="button button--danger"
            disabled={!matches}
            aria-disabled={busy || undefined}
          >
            {busy ? (
              <>
                <span className="spinner" aria-hidden="true" />
                Deleting…
              </>
            ) : (
              'Delete this group permanently'
            )}
          </button>
        </div>
      </form>
    </section>
  )
}
