import { lazy, Suspense, useCallback } from 'react'
import { apiRequest } from '../api/apiRequest.ts'
import { useResource } from '../api/useResource.ts'
import { Link } from '../router/Link.tsx'
import { formatMoment, formatSessionTime } from '../ui/formatSessionTime.ts'
import { Loaded } from '../ui/Loaded.tsx'
import { library } from './librarySchema.ts'
import { SearchMaterials } from './SearchMaterials.tsx'
import { DownloadArchive } from '../export/DownloadArchive.tsx'
import { DeleteCopyButton } from '../erasure/DeleteCopyButton.tsx'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'

// The goals' lists and editors load in their own chunk.
const LibraryGoals = lazy(() =>
  import('../goals/LibraryGoals.tsx').then((m) => ({ default: m.LibraryGoals })),
)

/** The session page with this document open on arrival (the room keeps open sheets there). */
const openAt = (sessionId: string, document: string) =>
  `/session/${sessionId}?sheet=${encodeURIComponent(document)}`

/**
 * What a member can come back to between sessions: per session they were in, the group's
 * sheets as the group left them, their own copies (still theirs to write in), and the answers
 * shared with the group.
 */
export function YourMaterials() {
  const load = useCallback(
    (signal: AbortSignal) => apiRequest('/api/member/library', { schema: library, signal }),
    [],
  )
  const [materials, reload] = useResource(load)
  return (
    <section className="card stack-small" aria-labelledby="materials-heading">
      <h2 id="materials-heading">Your materials</h2>
      <SearchMaterials />
      <DownloadArchive
        path="/api/member/export"
        label="Download everything (.zip)"
        fileName="my-hearth-materials.zip"
      />
      <Loaded resource={materials} loading="Finding your materials…" retry={reload}>
        {({ sessions, goals }) => (
          <>
            <Suspense fallback={<LoadingNotice>Opening the goals…</LoadingNotice>}>
              <LibraryGoals view={goals} />
            </Suspense>
            {sessions.length === 0 ? (
              <p className="muted">
                Nothing yet. What you write in a session stays here for you to come back to.
              </p>
            ) : (
              <ul className="plain-list library">
                {sessions.map(({ session, releasedUntil, items }) => (
                  <li key={session.id} className="library-session">
                    <h3 className="library-session-title">
                      <Link to={`/session/${session.id}`}>{session.title}</Link>
                    </h3>
                    <p className="muted">
                      {formatSessionTime(session.startsAt, session.durationMinutes, {
                        timeZone: session.timeZone,
                      })}
                    </p>
                    {releasedUntil !== null && (
                      <p className="muted">
                        The group’s materials stay here until {formatMoment(releasedUntil)}. Your
                        own copies stay yours; export them to keep a file.
                      </p>
                    )}
                    {items.length === 0 ? (
                      <p className="muted">Nothing to come back to from this session.</p>
                    ) : (
                      <ul className="plain-list library-items">
                        {items.map((item) => (
                          <li key={`${item.kind}:${item.id}`}>
                            <Link
                              to={
                                item.kind === 'worksheet'
                                  ? openAt(session.id, item.document)
                                  : `/session/${session.id}`
                              }
                            >
                              {item.kind === 'answers'
                                ? `${item.title}: shared answers`
                                : item.kind === 'slides'
                                  ? `${item.title}: slides`
                                  : item.title}
                            </Link>{' '}
                            <span className="muted">{item.note}</span>
                            {item.kind === 'worksheet' && (
                              <Downloads id={item.id} title={item.title} />
                            )}
                            {item.kind === 'worksheet' && item.own && (
                              <DeleteCopyButton
                                id={item.id}
                                title={item.title}
                                onDeleted={reload}
                              />
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Loaded>
    </section>
  )
}

/** The worksheet as a file of the member's own: Markdown for any editor, PDF to print or keep. */
function Downloads({ id, title }: { id: string; title: string }) {
  const href = (format: string) => `/api/member/worksheets/${id}/export?format=${format}`
  return (
    <span className="library-downloads">
      Download:{' '}
      <a href={href('pdf')} download aria-label={`Download ${title} as PDF`}>
        PDF
      </a>{' '}
      <a href={href('markdown')} download aria-label={`Download ${title} as Markdown`}>
        Markdown
      </a>
    </span>
  )
}
