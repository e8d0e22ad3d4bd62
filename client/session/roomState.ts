import { createContext, useContext } from 'react'
import type * as Y from 'yjs'
import { sessionView, type SessionView } from './sessionSchemas.ts'

/** What the server wrote into the room document (server/sessions/roomState.ts). */
export interface RoomState {
  /** The session as it stands now, or null before the server first wrote it. */
  session: SessionView | null
  /** Grows with every change to the worksheets or their sharing. */
  revision: number
}

export function readRoomState(map: Y.Map<unknown>): RoomState {
  const session = sessionView.safeParse(map.get('session'))
  const revision = map.get('revision')
  return {
    session: session.success ? session.data : null,
    revision: typeof revision === 'number' ? revision : 0,
  }
}

/**
 * The room's revision, for the panels inside it. Null outside a room: the panel then loads
 * once and on the user's own actions.
 */
export const RoomRevision = createContext<number | null>(null)

export const useRoomRevision = () => useContext(RoomRevision)
