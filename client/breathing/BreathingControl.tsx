import { useEffect, useId, useRef, useState } from 'react'
import type * as Y from 'yjs'
import { z } from 'zod'
import { BREATHING_PATTERNS, PATTERN_IDS, type PatternId } from '../../shared/breathing/patterns.ts'
import { ROOM_STATE } from '../../shared/sessions/roomState.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { serverNow, useServerClock } from '../sync/serverClock.ts'
import { useSharedMap } from '../sync/useSharedMap.ts'
import { SelectField } from '../ui/SelectField.tsx'
import { useAction } from '../ui/useAction.ts'
import { endOf, readBreathing } from './readBreathing.ts'

const PATTERN_OPTIONS = PATTERN_IDS.map((value) => ({
  value,
  label: BREATHING_PATTERNS[value].label,
}))
const ROUND_OPTIONS = Array.from({ length: 10 }, (_, i) => ({
  value: String(i + 1),
  label: String(i + 1),
}))

/**
 * A facilitator's control: which breathing, how many rounds, start for the whole room, stop.
 * Whether one is under way comes from the room document, so every facilitator's desk agrees.
 */
export function BreathingControl({ sessionId, roomDoc }: { sessionId: string; roomDoc: Y.Doc }) {
  const id = useId()
  const breathing = useSharedMap(roomDoc, ROOM_STATE, readBreathing)
  const clockReady = useServerClock()
  const [pattern, setPattern] = useState<PatternId>('box')
  const [rounds, setRounds] = useState<string>(String(BREATHING_PATTERNS.box.rounds))
  const { problem, run } = useAction()
  // Rendered again when the exercise ends by itself, so the control offers a new start. (The
  // guide, on this screen too, says when it starts and ends.)
  const end = breathing ? endOf(breathing) : 0
  const [, setEnded] = useState(0)
  useEffect(() => {
    const left = end - serverNow()
    if (left <= 0) return
    const timer = setTimeout(() => setEnded(end), left + 50)
    return () => clearTimeout(timer)
  }, [end, clockReady])
  const running = breathing !== null && clockReady && serverNow() < end
  const button = useRef<HTMLButtonElement>(null)
  const pressed = useRef(false)
  useEffect(() => {
    if (pressed.current) button.current?.focus()
    pressed.current = false
  }, [running])

  const path = `/api/sessions/${sessionId}/breathing`
  // Start and stop are one action each: the focus follows to the button that appears.
  const act = (request: () => Promise<unknown>) =>
    void run(async () => {
      pressed.current = true
      try {
        await request()
      } catch (error) {
        pressed.current = false
        throw error
      }
    })
  const start = () =>
    act(() =>
      apiRequest(path, {
        method: 'POST',
        body: { pattern, rounds: Number(rounds) },
        schema: z.unknown(),
      }),
    )
  const stop = () => act(() => apiRequest(path, { method: 'DELETE', schema: z.unknown() }))
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel-heading">
        Guided breathing
      </h2>
      {running && breathing ? (
        <>
          <p>
            {BREATHING_PATTERNS[breathing.pattern].label}, {breathing.rounds} rounds: under way on
            everyone’s screen.
          </p>
          <button ref={button} type="button" className="button button--secondary" onClick={stop}>
            Stop breathing together
          </button>
        </>
      ) : (
        <>
          <SelectField
            id={`${id}-pattern`}
            label="Breathing"
            value={pattern}
            options={PATTERN_OPTIONS}
            onChange={(value) => {
              const chosen = value as PatternId
              setPattern(chosen)
              setRounds(String(BREATHING_PATTERNS[chosen].rounds))
            }}
          />
          <SelectField
            id={`${id}-rounds`}
            label="Rounds"
            value={rounds}
            options={ROUND_OPTIONS}
            onChange={setRounds}
          />
          <button ref={button} type="button" className="button" onClick={start}>
            Start breathing together
          </button>
        </>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  )
}
