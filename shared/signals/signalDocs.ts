/**
 * Where the server writes silent signals (server/signals/signalRoutes.ts). Clients only read
 * these documents.
 *
 * - The session's signals document (facilitators only): the array `signals`, each
 *   `{ id, at, kind, name, colour }`, and the map `seen`: signal id → `{ at, by }` (the
 *   facilitator who marked it seen), shared by every facilitator of the session.
 * - A member's private line (that member and the facilitators): the map `signals`, signal id
 *   → `{ at, kind, seenAt }`, so the member learns, privately, that a facilitator saw it.
 */
export const SIGNALS_LIST = 'signals'
export const SIGNALS_SEEN = 'seen'
export const LINE_SIGNALS = 'signals'

export const SIGNAL_KINDS = ['need-a-moment', 'not-ok'] as const
export type SignalKind = (typeof SIGNAL_KINDS)[number]
