import { lazy, Suspense, useState } from 'react'
import type * as Y from 'yjs'
import { ROOM_STATE } from '../../shared/sessions/roomState.ts'
import { useSharedMap } from '../sync/useSharedMap.ts'
import { readBreathing } from './readBreathing.ts'

// The guide (and the server clock it measures) loads only when a group first breathes.
const BreathingGuide = lazy(() =>
  import('./BreathingGuide.tsx').then((m) => ({ default: m.BreathingGuide })),
)

/**
 * Where the room shows the group's breathing exercise, for everyone in it, while a facilitator
 * has one going (the server writes it into the room document). Nothing otherwise.
 */
export function BreathingTogether({ roomDoc, over }: { roomDoc: Y.Doc; over: boolean }) {
  const breathing = useSharedMap(roomDoc, ROOM_STATE, readBreathing)
  // Off unless this device turns it on; kept for the next exercise while the room is open.
  const [sound, setSound] = useState(false)
  if (!breathing || over) return null
  return (
    <Suspense fallback={null}>
      {/* A new start is a new exercise: shown again to anyone who stepped out of the last. */}
      <BreathingGuide
        key={breathing.at}
        breathing={breathing}
        sound={sound}
        onSoundChange={setSound}
      />
    </Suspense>
  )
}
