import { useCallback, useState, type FormEvent } from 'react'
import { z } from 'zod'
import { apiRequest } from '../api/apiRequest.ts'
import { toApiError } from '../api/ApiError.ts'
import { useResource } from '../api/useResource.ts'
import { RequireFacilitator } from '../auth/RequireSignIn.tsx'
import { Link } from '../router/Link.tsx'
import { navigate } from '../router/navigation.ts'
import { announce } from '../ui/announce.ts'
import { FormProblem } from '../ui/FormProblem.tsx'
import { Loaded } from '../ui/Loaded.tsx'
import { PageHeading } from '../ui/PageHeading.tsx'
import { SelectField } from '../ui/SelectField.tsx'
import { TextField } from '../ui/TextField.tsx'
import { createdDeck, deckList, type DeckList } from './deckSchemas.ts'

/** `/decks`: a facilitator's slide decks: write one, open one, share one with a colleague. */
export function DecksPage() {
  return (
    <div className="stack">
      <div className="page-intro">
        <p className="breadcrumb">
          <Link to="/">Your groups</Link>
        </p>
        <PageHeading title="Slide decks">Slide decks</PageHeading>
        <p className="lede">
          Short psychoeducation decks to present in a session. Speaker notes stay with the
          facilitators.
        </p>
      </div>
      <RequireFacilitator>{() => <Decks />}</RequireFacilitator>
    </div>
  )
}

function Decks() {
  const load = useCallback(
    (signal: AbortSignal) => apiRequest('/api/decks', { schema: deckList, signal }),
    [],
  )
  const [decks, reload] = useResource(load)
  return (
    <>
      <NewDeckForm />
      <Loaded resource={decks} loading="Loading your decks…" retry={reload}>
        {({ decks, colleagues, starters }) => (
          <>
            <Starters starters={starters} />
            {decks.length === 0 ? (
              <p className="muted">No decks yet.</p>
            ) : (
              <ul className="card-list" aria-label="Your decks">
                {decks.map((deck) => (
                  <li key={deck.id} className="card stack-small">
                    <h2 className="card-title">
                      <Link to={`/decks/${deck.id}`}>{deck.title}</Link>
                    </h2>
                    <p className="muted">
                      {deck.editors.length > 1
                        ? `Edited by ${deck.editors.map((e) => e.name).join(', ')}`
                        : 'Only you edit it'}
                    </p>
                    <ShareDeck deck={deck} colleagues={colleagues} onShared={reload} />
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </Loaded>
    </>
  )
}

/** The decks that ship with Hearth, each with its sources on its last slide. */
function Starters({ starters }: { starters: DeckList['starters'] }) {
  const [problem, setProblem] = useState<string | null>(null)
  const start = async (starter: string) => {
    try {
      const made = await apiRequest('/api/decks', {
        method: 'POST',
        body: { starter },
        schema: createdDeck,
      })
      navigate(`/decks/${made.id}`)
    } catch (error) {
      setProblem(toApiError(error).message)
    }
  }
  return (
    <details className="card disclosure">
      <summary>Start from a deck that comes with Hearth</summary>
      <ul className="plain-list stack-small">
        {starters.map((s) => (
          <li key={s.id}>
            <strong>{s.title}</strong> <span className="muted">{s.summary}</span>{' '}
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={`Start from a copy of ${s.title}`}
              onClick={() => void start(s.id)}
            >
              Start from a copy
            </button>
          </li>
        ))}
      </ul>
      <FormProblem message={problem} />
    </details>
  )
}

function NewDeckForm() {
  const [title, setTitle] = useState('')
  const [problem, setProblem] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    if (!title.trim()) return setProblem('Give the deck a title.')
    setBusy(true)
    try {
      const made = await apiRequest('/api/decks', {
        method: 'POST',
        body: { title: title.trim() },
        schema: createdDeck,
      })
      navigate(`/decks/${made.id}`)
    } catch (error) {
      setProblem(toApiError(error).message)
      setBusy(false)
    }
  }
  return (
    <form className="card stack-small" onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        id="new-deck-title"
        label="New deck"
        hint="For example: “What anxiety does to the body”."
        value={title}
        onChange={setTitle}
        maxLength={120}
        error={problem}
      />
      <div>
        <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
          {busy ? 'Creating…' : 'Create the deck'}
        </button>
      </div>
    </form>
  )
}

function ShareDeck({
  deck,
  colleagues,
  onShared,
}: {
  deck: DeckList['decks'][number]
  colleagues: DeckList['colleagues']
  onShared: () => void
}) {
  const candidates = colleagues.filter((c) => !deck.editors.some((e) => e.id === c.id))
  const [chosen, setChosen] = useState(candidates[0]?.id ?? '')
  const [problem, setProblem] = useState<string | null>(null)
  if (candidates.length === 0) return null
  const share = async () => {
    try {
      await apiRequest(`/api/decks/${deck.id}/editors`, {
        method: 'POST',
        body: { facilitatorId: chosen },
        schema: z.unknown(),
      })
      announce('Shared: they can edit the deck now.')
      onShared()
    } catch (error) {
      setProblem(toApiError(error).message)
    }
  }
  return (
    <div className="actions">
      <SelectField
        id={`share-${deck.id}`}
        label={`Share ${deck.title} with`}
        value={chosen}
        onChange={setChosen}
        options={candidates.map((c) => ({ value: c.id, label: c.name }))}
      />
      <button type="button" className="button button--secondary" onClick={() => void share()}>
        Share
      </button>
      <FormProblem message={problem} />
    </div>
  )
}
