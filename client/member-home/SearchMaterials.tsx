import { useId, useState, type FormEvent } from 'react'
import { z } from 'zod'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { Link } from '../router/Link.tsx'

const results = z.object({
  results: z.array(
    z.object({
      sessionId: z.string(),
      sessionTitle: z.string(),
      id: z.string(),
      kind: z.string(),
      title: z.string(),
      document: z.string(),
      snippet: z.string(),
    }),
  ),
})
type Hit = z.infer<typeof results>['results'][number]

const linkTo = (hit: Hit) =>
  hit.kind === 'worksheet'
    ? `/session/${hit.sessionId}?sheet=${encodeURIComponent(hit.document)}`
    : `/session/${hit.sessionId}`

/** Search across a member's own materials: done on the server, over what they may read. */
export function SearchMaterials() {
  const id = useId()
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<Hit[] | null>(null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const search = async (event: FormEvent) => {
    event.preventDefault()
    const q = query.trim()
    if (q.length < 2) return setProblem('Type at least two letters.')
    setBusy(true)
    setProblem(null)
    try {
      const answer = await apiRequest(`/api/member/search?q=${encodeURIComponent(q)}`, {
        schema: results,
      })
      setFound(answer.results)
    } catch (error) {
      setProblem(toApiError(error).message)
    }
    setBusy(false)
  }
  return (
    <div className="stack-small">
      <form className="search-form" role="search" onSubmit={(e) => void search(e)}>
        <label htmlFor={`${id}-q`} className="field-label">
          Search your materials
        </label>
        <div className="search-row">
          <input
            id={`${id}-q`}
            type="search"
            className="input"
            value={query}
            maxLength={100}
            onChange={(e) => setQuery(e.target.value)}
            aria-describedby={problem ? `${id}-problem` : undefined}
          />
          <button
            type="submit"
            className="button button--secondary"
            aria-disabled={busy || undefined}
          >
            Search
          </button>
        </div>
        {problem && (
          <p id={`${id}-problem`} className="field-error" role="alert">
            {problem}
          </p>
        )}
      </form>
      <p role="status" className="muted">
        {found === null ? '' : found.length === 0 ? 'Nothing found.' : `${found.length} found.`}
      </p>
      {found && found.length > 0 && (
        <ul className="plain-list library-items" aria-label="Search results">
          {found.map((hit) => (
            <li key={`${hit.kind}:${hit.id}`}>
              <Link to={linkTo(hit)}>{hit.title}</Link>{' '}
              <span className="muted">{hit.sessionTitle}</span>
              <span className="search-snippet">{hit.snippet}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
