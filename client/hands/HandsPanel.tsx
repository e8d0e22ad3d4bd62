import { useEffect, useId, useState } from 'react'
import type * as Y from 'yjs'
import { z } from 'zod'
import { SIGNALS_HANDS, raisedHand, type RaisedHand } from '../../shared/hands/hands.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { useSharedMap } from '../sync/useSharedMap.ts'
import { announce } from '../ui/announce.ts'
import { CheckboxField } from '../ui/CheckboxField.tsx'
import { PersonName } from '../ui/PersonName.tsx'
import { useAction } from '../ui/useAction.ts'
import { onSpeakingChange, speakingTimes } from '../video/speakingTime.ts'

type Hand = RaisedHand & { lineKey: string }

const readHands = (map: Y.Map<unknown>): Hand[] =>
  [...map.entries()]
    .flatMap(([lineKey, value]) => {
      const hand = raisedHand.safeParse(value)
      return hand.success ? [{ ...hand.data, lineKey }] : []
    })
    .sort((a, b) => a.raisedAt - b.raisedAt)

/** Speaking time as the call reports it, read again as it changes. */
function useSpeakingTimes(sessionId: string) {
  const [times, setTimes] = useState(() => speakingTimes(sessionId))
  useEffect(() => onSpeakingChange(() => setTimes(speakingTimes(sessionId))), [sessionId])
  return times
}

/**
 * The facilitators' queue of raised hands, in the order they went up; "quiet first" lifts
 * those who have spoken least in this session's call (without video, it says so and keeps the
 * order of raising). Facilitators only: members never see an order or a ranking.
 */
export function HandsPanel({
  sessionId,
  signalsDoc,
}: {
  sessionId: string
  signalsDoc: Y.Doc | null
}) {
  const id = useId()
  const hands = useSharedMap(signalsDoc, SIGNALS_HANDS, readHands)
  const [quietFirst, setQuietFirst] = useState(false)
  const times = useSpeakingTimes(sessionId)
  const { problem, run } = useAction()
  const spoke = (hand: Hand) => times?.get(hand.name) ?? 0
  const ordered =
    quietFirst && times
      ? [...hands].sort((a, b) => spoke(a) - spoke(b) || a.raisedAt - b.raisedAt)
      : hands
  const lower = (hand: Hand) =>
    void run(async () => {
      await apiRequest(`/api/sessions/${sessionId}/hands/${hand.lineKey}`, {
        method: 'DELETE',
        schema: z.unknown(),
      })
      announce(`${hand.name}’s hand is down.`)
    })
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel-heading">
        Raised hands <span className="count">({hands.length})</span>
      </h2>
      {hands.length === 0 ? (
        <p className="muted">No hands are up.</p>
      ) : (
        <ol className="people-list" aria-label="Raised hands, in order">
          {ordered.map((hand) => (
            <li key={hand.lineKey} className="people-item people-item--actions">
              <PersonName name={hand.name} colour={hand.colour} />
              {quietFirst && times && (
                <span className="muted"> · spoke {Math.round(spoke(hand) / 1000)} s</span>
              )}
              <button
                type="button"
                className="button button--quiet button--small"
                aria-label={`Lower ${hand.name}’s hand`}
                onClick={() => lower(hand)}
              >
                Lower
              </button>
            </li>
          ))}
        </ol>
      )}
      <CheckboxField
        id={`${id}-quiet`}
        label="Quiet first"
        hint={
          times
            ? 'Those who have spoken least in the call come first.'
            : 'Speaking time comes from the video call, which you have not joined: hands stay in the order they went up.'
        }
        checked={quietFirst}
        onChange={setQuietFirst}
      />
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  )
}
