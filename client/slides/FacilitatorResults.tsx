import { useState } from 'react'
import { z } from 'zod'
import { parseDocName } from '../../shared/documents/docName.ts'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { SHOW_THRESHOLD, type ResponseSpec } from '../../shared/slides/responses.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { useSharedMap } from '../sync/useSharedMap.ts'
import { useSyncedDoc } from '../sync/useSyncedDoc.ts'
import { FormProblem } from '../ui/FormProblem.tsx'
import { ResultsView } from './ResultsView.tsx'
import { readResults } from './useGroupResults.ts'

/** The facilitators' live counts for one question slide, and whether the group sees them. */
export function FacilitatorResults({
  groupId,
  sessionId,
  handoutId,
  slideId,
  spec,
  shownToGroup,
}: {
  groupId: string
  sessionId: string
  handoutId: string
  slideId: string
  spec: ResponseSpec
  shownToGroup: boolean
}) {
  const name = parseDocName(sessionDocName.handoutResults(groupId, sessionId, handoutId))!
  const state = useSyncedDoc(name, null)
  const [problem, setProblem] = useState<string | null>(null)
  const all = useSharedMap(
    state.phase === 'ready' ? state.synced.doc : null,
    'results',
    readResults,
  )
  const results = all.get(slideId) ?? null
  const toggle = async () => {
    setProblem(null)
    try {
      await apiRequest(`/api/sessions/${sessionId}/handouts/${handoutId}/results`, {
        method: 'POST',
        body: { slideId, shown: !shownToGroup },
        schema: z.unknown(),
      })
    } catch (error) {
      setProblem(toApiError(error).message)
    }
  }
  const count = results?.count ?? 0
  return (
    <section className="stack-small" aria-label="Answers so far">
      <h2 className="panel-heading">Answers so far (only facilitators see these)</h2>
      {results ? (
        <ResultsView spec={spec} results={results} />
      ) : (
        <p className="muted">No answers yet.</p>
      )}
      <div>
        <button
          type="button"
          className="button button--secondary button--small"
          aria-disabled={(!shownToGroup && count < SHOW_THRESHOLD) || undefined}
          onClick={() => void toggle()}
        >
          {shownToGroup ? 'Hide the answers from the group' : 'Show the answers to the group'}
        </button>
      </div>
      {!shownToGroup && count < SHOW_THRESHOLD && (
        <p className="muted">
          The group can see the answers once {SHOW_THRESHOLD} people have answered.
        </p>
      )}
      <FormProblem message={problem} />
    </section>
  )
}
