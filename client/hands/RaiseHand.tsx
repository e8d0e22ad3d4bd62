import type * as Y from 'yjs'
import { z } from 'zod'
import { LINE_HAND } from '../../shared/hands/hands.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { useSharedMap } from '../sync/useSharedMap.ts'
import { announce } from '../ui/announce.ts'
import { useAction } from '../ui/useAction.ts'

const readRaised = (hand: Y.Map<unknown>) => typeof hand.get('raisedAt') === 'number'

/**
 * A member's hand: up asks for a turn to speak, and only the facilitators see it (and in what
 * order hands went up). Its state comes from the member's own line, so it comes down on every
 * device when a facilitator lowers it.
 */
export function RaiseHand({
  sessionId,
  lineDoc,
  over,
}: {
  sessionId: string
  lineDoc: Y.Doc | null
  over: boolean
}) {
  const raised = useSharedMap(lineDoc, LINE_HAND, readRaised)
  const { problem, run } = useAction()
  if (over) return null
  const toggle = () =>
    void run(async () => {
      await apiRequest(`/api/sessions/${sessionId}/hand`, {
        method: 'POST',
        body: { raised: !raised },
        schema: z.unknown(),
      })
      announce(raised ? 'Your hand is down.' : 'Your hand is up. Only your facilitators see it.')
    })
  return (
    <div className="raise-hand stack-small">
      <button
        type="button"
        className="button button--secondary"
        aria-pressed={raised}
        disabled={!lineDoc}
        onClick={toggle}
      >
        {raised ? 'Lower your hand' : 'Raise your hand'}
      </button>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  )
}
