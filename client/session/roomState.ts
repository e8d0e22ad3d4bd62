import { createContext, useContext } from 'react'
import type * as Y from 'yjs'
import { z } from 'zod'
import { docNameSchema, type DocName } from '../../shared/documents/docName.ts'
import type { Presented } from '../../shared/sessions/roomState.ts'
import { sessionView, type SessionView } from './sessionSchemas.ts'

/** What the server wrote into the room document (server/sessions/roomState.ts). */
export interface RoomState {
  /** The session as it stands now, or null before the server first wrote it. */
  session: SessionView | null
  /** Grows with every change to the worksheets or their sharing. */
  revision: number
  /** The worksheet the facilitators brought everyone to, or null. */
  presented: WorksheetPresented | null
  /** The deck and slide the facilitators are presenting, or null. */
  slides: SlidesPresented | null
  /** The group canvas (at one work) the facilitators brought everyone to, or null. */
  canvas: CanvasPresented | null
  /** The session's worksheets, by id: their titles. */
  titles: Map<string, string>
  /** The decks brought into the session. */
  handouts: Handout[]
}

export type WorksheetPresented = Extract<Presented, { kind: 'worksheet' }>
export type SlidesPresented = Extract<Presented, { kind: 'slides' }>
export type CanvasPresented = Extract<Presented, { kind: 'canvas' }>
export interface Handout {
  id: string
  title: string
  document: DocName
}

const worksheetTitles = z.array(z.object({ id: z.string(), title: z.string() }))

const presented = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('worksheet'), id: z.string().max(64), at: z.number() }),
  z.object({
    kind: z.literal('slides'),
    id: z.string().max(64),
    slide: z.number().int().min(0),
    at: z.number(),
  }),
  z.object({ kind: z.literal('canvas'), work: z.string().max(40).nullable(), at: z.number() }),
])
const handouts = z.array(
  z.object({ id: z.string().max(64), title: z.string().max(200), document: docNameSchema }),
)

export function readRoomState(map: Y.Map<unknown>): RoomState {
  const session = sessionView.safeParse(map.get('session'))
  const revision = map.get('revision')
  const brought = presented.safeParse(map.get('presented'))
  const worksheets = worksheetTitles.safeParse(map.get('worksheets'))
  const decks = handouts.safeParse(map.get('handouts'))
  const now = brought.success ? brought.data : null
  return {
    session: session.success ? session.data : null,
    revision: typeof revision === 'number' ? revision : 0,
    presented: now?.kind === 'worksheet' ? now : null,
    slides: now?.kind === 'slides' ? now : null,
    canvas: now?.kind === 'canvas' ? now : null,
    titles: new Map(worksheets.success ? worksheets.data.map((w) => [w.id, w.title]) : []),
    handouts: decks.success ? decks.data : [],
  }
}

/**
 * The room's revision, for the panels inside it. Null outside a room: the panel then loads
 * once and on the user's own actions.
 */
export const RoomRevision = createContext<number | null>(null)

export const useRoomRevision = () => useContext(RoomRevision)
