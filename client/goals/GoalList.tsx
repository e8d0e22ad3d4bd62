import { useId, useState, type FormEvent } from 'react'
import {
  addGoal,
  GOAL_TEXT_MAX,
  GOALS_ARRAY,
  GOALS_MAX,
  readGoals,
  removeGoal,
} from '../../shared/goals/goals.ts'
import { parseDocName } from '../../shared/documents/docName.ts'
import type { SyncedDoc } from '../sync/openSyncedDoc.ts'
import { DocumentSaveStatus } from '../sync/DocumentSaveStatus.tsx'
import { useSharedArray } from '../sync/useSharedMap.ts'
import { useSyncedDoc } from '../sync/useSyncedDoc.ts'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import { ProblemNotice } from '../ui/ProblemNotice.tsx'
import { TextField } from '../ui/TextField.tsx'

export interface GoalListProps {
  /** The goals document, as the server named it. */
  document: string
  /** Whether this person may change it (the server decides again at the socket). */
  writable: boolean
  /** The list's accessible name: "The group's goals", "My goals". */
  label: string
  /** What an empty list says. */
  empty: string
}

/** One goals document, kept in sync: its goals, and for whoever may write, add and remove. */
export function GoalList(props: GoalListProps) {
  const state = useSyncedDoc(parseDocName(props.document), null)
  switch (state.phase) {
    case 'loading':
      return <LoadingNotice>Opening the goals…</LoadingNotice>
    case 'failed':
      return <ProblemNotice message="The goals could not be opened." onRetry={state.retry} />
    case 'ready':
      return <Goals {...props} synced={state.synced} />
  }
}

/** Opaque ids for goals: random, so two people adding at once never collide. */
const goalId = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(10)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('')

function Goals({ synced, writable, label, empty }: GoalListProps & { synced: SyncedDoc }) {
  const id = useId()
  const goals = useSharedArray(synced.doc, GOALS_ARRAY, readGoals)
  const [draft, setDraft] = useState('')
  const [problem, setProblem] = useState<string | undefined>()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const text = draft.trim()
    if (!text) return setProblem('Write the goal first.')
    if (goals.length >= GOALS_MAX) return setProblem(`At most ${GOALS_MAX} goals.`)
    if (!addGoal(synced.doc, goalId(), text)) return setProblem('That goal could not be added.')
    setDraft('')
    setProblem(undefined)
  }
  return (
    <div className="goal-list stack-small">
      {goals.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul aria-label={label} className="goals">
          {goals.map((goal) => (
            <li key={goal.id} className="goal">
              <span className="goal-text">{goal.text}</span>
              {writable && (
                <button
                  type="button"
                  className="button button--quiet button--small"
                  aria-label={`Remove the goal “${goal.text}”`}
                  onClick={() => removeGoal(synced.doc, goal.id)}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {writable && (
        <form className="stack-small" onSubmit={submit} noValidate>
          <TextField
            id={`${id}-new`}
            label={`Add to ${label.toLowerCase()}`}
            hint={`A sentence or two, up to ${GOAL_TEXT_MAX} characters.`}
            value={draft}
            onChange={setDraft}
            maxLength={GOAL_TEXT_MAX}
            error={problem}
          />
          <div>
            <button type="submit" className="button button--secondary">
              Add the goal
            </button>
          </div>
          <DocumentSaveStatus synced={synced} />
        </form>
      )}
    </div>
  )
}
