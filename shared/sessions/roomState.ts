/**
 * Names of the maps the server writes room state into (server/sessions/roomState.ts). Clients
 * only read them: the documents are read-only to everyone.
 */

/**
 * In the session-room document: `session`, `worksheets`, `revision`, and `presented` (what
 * the facilitators brought everyone to, `Presented` or null).
 */
export const ROOM_STATE = 'state'

/** In the signals document (facilitators only): `session` and `people`. */
export const WAITING_STATE = 'waiting'

/** What the facilitators brought everyone to. `at` tells a new "bring" from the same item. */
export interface Presented {
  kind: 'worksheet'
  id: string
  at: number
}
