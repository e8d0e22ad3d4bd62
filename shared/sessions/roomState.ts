/**
 * Names of the maps the server writes room state into (server/sessions/roomState.ts). Clients
 * only read them: the documents are read-only to everyone.
 */

/** In the session-room document: `session`, `worksheets` and `revision`. */
export const ROOM_STATE = 'state'

/** In the signals document (facilitators only): `session` and `people`. */
export const WAITING_STATE = 'waiting'
