import { lazy, Suspense, useCallback, useState } from 'react'
import { z } from 'zod'
import { apiRequest } from '../api/apiRequest.ts'
import { useResource } from '../api/useResource.ts'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import { Loaded } from '../ui/Loaded.tsx'

// TipTap comes with the first sheet opened, as in the room.
const SnapshotView = lazy(() =>
  import('./SnapshotView.tsx').then((m) => ({ default: m.SnapshotView })),
)

const snapshotList = z.object({
  snapshots: z.array(z.object({ id: z.string(), title: z.string(), takenAt: z.number() })),
})

/**
 * After a session: each sheet this person may read, as it was when the session ended (kept by
 * the server at the end), to open read only beside what has been written since.
 */
export function SessionSnapshots({ sessionId }: { sessionId: string }) {
  const load = useCallback(
    (signal: AbortSignal) =>
      apiRequest(`/api/sessions/${sessionId}/snapshots`, { schema: snapshotList, signal }),
    [sessionId],
  )
  const [list, reload] = useResource(load)
  const [open, setOpen] = useState<string | null>(null)
  return (
    <section className="snapshots stack-small" aria-labelledby={`${sessionId}-snapshots`}>
      <h2 id={`${sessionId}-snapshots`} className="panel-subheading">
        As it was at the end of the session
      </h2>
      <Loaded resource={list} loading="Finding the sheets as they were…" retry={reload}>
        {({ snapshots }) =>
          snapshots.length === 0 ? (
            <p className="muted">No sheets were written in this session.</p>
          ) : (
            <ul className="plain-list">
              {snapshots.map((s) => (
                <li key={s.id} className="stack-small">
                  <div>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-pressed={open === s.id}
                      onClick={() => setOpen(open === s.id ? null : s.id)}
                    >
                      Read {s.title} as it was
                    </button>
                  </div>
                  {open === s.id && (
                    <Suspense fallback={<LoadingNotice>Opening the sheet…</LoadingNotice>}>
                      <SnapshotView id={s.id} />
                    </Suspense>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  )
}
