import type * as Y from 'yjs'
import {
  BREATHING_PATTERNS,
  breathingState,
  exerciseMs,
  ROOM_BREATHING,
  type BreathingState,
} from '../../shared/breathing/patterns.ts'

/** The exercise the server wrote into the room document's state map, or null. */
export function readBreathing(map: Y.Map<unknown>): BreathingState | null {
  const parsed = breathingState.safeParse(map.get(ROOM_BREATHING))
  return parsed.success ? parsed.data : null
}

/** When the exercise's last breath ends, on the server's clock. */
export const endOf = (breathing: BreathingState): number =>
  breathing.startsAt + exerciseMs(BREATHING_PATTERNS[breathing.pattern], breathing.rounds)
