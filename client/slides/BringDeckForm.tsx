import { useCallback, useState } from 'react'
import { z } from 'zod'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { useResource } from '../api/useResource.ts'
import { Link } from '../router/Link.tsx'
import { announce } from '../ui/announce.ts'
import { FormProblem } from '../ui/FormProblem.tsx'
import { Loaded } from '../ui/Loaded.tsx'
import { SelectField } from '../ui/SelectField.tsx'
import { deckList } from './deckSchemas.ts'

/** For facilitators: bring one of their decks into this session (the session gets a copy). */
export function BringDeckForm({ sessionId }: { sessionId: string }) {
  const load = useCallback(
    (signal: AbortSignal) => apiRequest('/api/decks', { schema: deckList, signal }),
    [],
  )
  const [decks, reload] = useResource(load)
  const [chosen, setChosen] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const bring = async (deckId: string) => {
    if (busy || !deckId) return
    setBusy(true)
    setProblem(null)
    try {
      await apiRequest(`/api/sessions/${sessionId}/handouts`, {
        method: 'POST',
        body: { deckId },
        schema: z.unknown(),
      })
      announce('The deck is in the session.')
    } catch (error) {
      setProblem(toApiError(error).message)
    }
    setBusy(false)
  }
  return (
    <details className="disclosure">
      <summary>Bring a deck</summary>
      <Loaded resource={decks} loading="Loading your decks…" retry={reload}>
        {({ decks }) =>
          decks.length === 0 ? (
            <p className="muted">
              You have no decks yet. <Link to="/decks">Write one</Link>.
            </p>
          ) : (
            <div className="actions">
              <SelectField
                id={`bring-deck-${sessionId}`}
                label="Deck"
                value={chosen || decks[0]!.id}
                onChange={setChosen}
                options={decks.map((d) => ({ value: d.id, label: d.title }))}
              />
              <button
                type="button"
                className="button button--secondary"
                aria-disabled={busy || undefined}
                onClick={() => void bring(chosen || decks[0]!.id)}
              >
                Bring into the session
              </button>
            </div>
          )
        }
      </Loaded>
      <FormProblem message={problem} />
    </details>
  )
}
