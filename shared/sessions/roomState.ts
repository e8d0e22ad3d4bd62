/**
 * Names of the maps the server writes room state into (server/sessions/roomState.ts). Clients
 * only read them: the documents are read-only to everyone.
 */

/**
 * In the session-room document: `session`, `worksheets`, `revision`, `presented` (what
 * the facilitators brought everyone to, `Presented` or null) and `breathing` (the group's
 * breathing exercise or null: shared/breathing/patterns.ts).
 */
export const ROOM_STATE = 'state'

/** In the signals document (facilitators only): `session` and `people`. */
export const WAITING_STATE = 'waiting'

/**
 * What the facilitators brought everyone to: a worksheet, a deck at one slide (the slide
 * the presenter shows; members follow it), or the group canvas. `at` tells a new "bring" from the same item.
 */
export type Presented =
  | { kind: 'worksheet'; id: string; at: number }
  | { kind: 'slides'; id: string; slide: number; at: number }
  /** The group canvas, at one work (a layer's key) or as a whole (`work: null`). */
  | { kind: 'canvas'; work: string | null; at: number }
