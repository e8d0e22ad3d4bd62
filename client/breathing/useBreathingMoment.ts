import { useEffect, useEffectEvent, useState } from 'react'
import {
  BREATHING_PATTERNS,
  phaseAt,
  type BreathingMoment,
  type BreathingState,
} from '../../shared/breathing/patterns.ts'
import { serverNow } from '../sync/serverClock.ts'

/** What the screen shows changes with these; progress moves every frame without a render. */
const keyOf = (m: BreathingMoment) =>
  m.kind === 'breathing'
    ? `${m.phase}:${m.secondsLeft}:${m.round}`
    : `${m.kind}:${'secondsLeft' in m ? m.secondsLeft : ''}`

/**
 * Where the group is in the exercise, from the server's clock at every animation frame while
 * `running`. `onFrame` gets each frame (for what moves smoothly: the circle); the component
 * renders again only when a phase, a second or a round changes. Stops at the end.
 */
export function useBreathingMoment(
  breathing: BreathingState,
  running: boolean,
  onFrame: (position: number, moment: BreathingMoment) => void,
): BreathingMoment | null {
  const [moment, setMoment] = useState<BreathingMoment | null>(null)
  const frame = useEffectEvent(onFrame)
  const { pattern, rounds, startsAt } = breathing
  useEffect(() => {
    if (!running) return
    let id = 0
    let last = ''
    const tick = () => {
      const position = serverNow() - startsAt
      const now = phaseAt(BREATHING_PATTERNS[pattern], rounds, position)
      frame(position, now)
      const key = keyOf(now)
      if (key !== last) {
        last = key
        setMoment(now)
      }
      if (now.kind !== 'done') id = requestAnimationFrame(tick)
    }
    id = requestAnimationFrame(tick)
    return () => cancelAnimationFrame(id)
  }, [running, pattern, rounds, startsAt])
  return moment
}
