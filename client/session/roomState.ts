import { createContext, useContext } from 'react'
import type * as Y from 'yjs'
import { z } from 'zod'
import type { Presented } from '../../shared/sessions/roomState.ts'
import { sessionView, type SessionView } from './sessionSchemas.ts'

/** What the server wrote into the room document (server/sessions/roomState.ts). */
export interface RoomState {
  /** The session as it stands now, or null before the server first wrote it. */
  session: SessionView | null
  /** Grows with every change to the worksheets or their sharing. */
  revision: number
  /** What the facilitators brought everyone to, or null. */
  presented: Presented | null
  /** The session's worksheets, by id: their titles. */
  titles: Map<string, string>
}

const worksheetTitles = z.array(z.object({ id: z.string(), title: z.string() }))

const presented = z.object({ kind: z.literal('worksheet'), id: z.string().max(64), at: z.number() })

export function readRoomState(map: Y.Map<unknown>): RoomState {
  const session = sessionView.safeParse(map.get('session'))
  const revision = map.get('revision')
  const brought = presented.safeParse(map.get('presented'))
  const worksheets = worksheetTitles.safeParse(map.get('worksheets'))
  return {
    session: session.success ? session.data : null,
    revision: typeof revision === 'number' ? revision : 0,
    presented: brought.success ? brought.data : null,
    titles: new Map(worksheets.success ? worksheets.data.map((w) => [w.id, w.title]) : []),
  }
}

/**
 * The room's revision, for the panels inside it. Null outside a room: the panel then loads
 * once and on the user's own actions.
 */
export const RoomRevision = createContext<number | null>(null)

export const useRoomRevision = () => useContext(RoomRevision)
