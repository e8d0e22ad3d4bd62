import { useCallback, useId, useState, type FormEvent } from 'react'
import { z } from 'zod'
import {
  RELEASE_DAYS,
  RELEASE_KIND_LABELS,
  RELEASE_KINDS,
  type ReleaseKind,
} from '../../shared/sessions/release.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { DownloadArchive } from '../export/DownloadArchive.tsx'
import { toApiError } from '../api/ApiError.ts'
import { useResource } from '../api/useResource.ts'
import { announce } from '../ui/announce.ts'
import { CheckboxField } from '../ui/CheckboxField.tsx'
import { formatMoment } from '../ui/formatSessionTime.ts'
import { Loaded } from '../ui/Loaded.tsx'
import { SelectField } from '../ui/SelectField.tsx'

const releaseResponse = z.object({
  release: z.object({
    withheld: z.array(z.enum(RELEASE_KINDS)),
    days: z.number().nullable(),
    until: z.number().nullable(),
    deletedAt: z.number().nullable(),
  }),
})
type Release = z.infer<typeof releaseResponse>['release']

const FOR_HOW_LONG = [
  ...RELEASE_DAYS.map((d) => ({
    value: String(d),
    label: { 7: 'One week', 30: 'One month', 90: 'Three months', 365: 'One year' }[d],
  })),
  { value: 'none', label: 'Until I change it' },
]

/**
 * For facilitators: what members may come back to after this session, and for how long.
 * Past that time it disappears for members and is deleted; members' own copies stay theirs.
 */
export function ReleasePanel({ sessionId }: { sessionId: string }) {
  const load = useCallback(
    (signal: AbortSignal) =>
      apiRequest(`/api/sessions/${sessionId}/release`, { schema: releaseResponse, signal }),
    [sessionId],
  )
  const [resource, reload] = useResource(load)
  const id = useId()
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel-heading">
        After the session
      </h2>
      <Loaded resource={resource} loading="Reading what is released…" retry={reload}>
        {({ release }) => <ReleaseForm sessionId={sessionId} release={release} />}
      </Loaded>
      <DownloadArchive
        path={`/api/sessions/${sessionId}/export`}
        label="Export this session’s materials (.zip)"
        fileName="session.zip"
      />
    </section>
  )
}

function ReleaseForm({ sessionId, release }: { sessionId: string; release: Release }) {
  const id = useId()
  const [current, setCurrent] = useState(release)
  const [withheld, setWithheld] = useState<ReleaseKind[]>(release.withheld)
  const [days, setDays] = useState(release.days === null ? 'none' : String(release.days))
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | undefined>()
  if (current.deletedAt !== null) {
    return (
      <p>
        The group’s materials from this session were deleted on {formatMoment(current.deletedAt)},
        when their time ran out. Members’ own copies are still theirs.
      </p>
    )
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    setProblem(undefined)
    try {
      const saved = await apiRequest(`/api/sessions/${sessionId}/release`, {
        method: 'PUT',
        body: { withheld, days: days === 'none' ? null : Number(days) },
        schema: releaseResponse,
      })
      setCurrent(saved.release)
      announce('Saved: members see what you released.')
    } catch (error) {
      setProblem(toApiError(error).message)
    }
    setBusy(false)
  }
  return (
    <form className="stack-small" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset className="stack-small">
        <legend>Members can come back to</legend>
        {RELEASE_KINDS.map((kind) => (
          <CheckboxField
            key={kind}
            id={`${id}-${kind}`}
            label={RELEASE_KIND_LABELS[kind]}
            checked={!withheld.includes(kind)}
            onChange={(on) =>
              setWithheld((was) => (on ? was.filter((k) => k !== kind) : [...was, kind]))
            }
          />
        ))}
        <p className="muted">Each member’s own copies are always theirs, whatever you choose.</p>
      </fieldset>
      <SelectField
        id={`${id}-days`}
        label="For how long after the session"
        hint="After that it disappears for members and is deleted, for everyone."
        value={days}
        onChange={setDays}
        options={FOR_HOW_LONG}
        error={problem}
      />
      <p className="muted" aria-live="polite">
        {current.until !== null
          ? `Released until ${formatMoment(current.until)}.`
          : current.days !== null
            ? `Released for ${current.days} days after the session ends.`
            : 'Released with no end date.'}
      </p>
      <div>
        <button
          type="submit"
          className="button button--secondary"
          aria-disabled={busy || undefined}
        >
          {busy ? 'Saving…' : 'Save what is released'}
        </button>
      </div>
    </form>
  )
}
