/**
 * Where the server writes silent signals (server/signals/signalRoutes.ts) and what else only
 * facilitators may see of the room. Clients only read these documents.
 *
 * - The session's signals document (facilitators only):
 *   - `signals`: array of `{ id, at, kind, name, colour }`, and for a crisis alert (kind
 *     `crisis`) also `{ category, source, text, messageId? }` (server/chat/crisisAlert.ts);
 *   - `seen`: signal id → `{ at, by }` (the facilitator who marked it seen), shared by every
 *     facilitator of the session;
 *   - `lines`: line key → `{ name, colour, lastAt, waiting }`: members who wrote on their
 *     private line, and whether their last word is still unanswered;
 *   - `chatMutes`: mute id → `{ name, at }`; name null when the mute came from an anonymous
 *     message (the facilitators muted its writer without learning who it is);
 *   - `chatAuthors`: chat message id → `{ name, colour }`, only where the group's policy lets
 *     facilitators see who wrote anonymous messages.
 * - A member's private line (that member and the facilitators): the map `signals`, signal id
 *   → `{ at, kind, seenAt }`, so the member learns, privately, that a facilitator saw it; and
 *   the conversation (shared/chat/lineDoc.ts).
 */
export const SIGNALS_LIST = 'signals'
export const SIGNALS_SEEN = 'seen'
export const SIGNALS_LINES = 'lines'
export const SIGNALS_MUTES = 'chatMutes'
export const SIGNALS_AUTHORS = 'chatAuthors'
/** Crisis alert id → `{ at, by }`: a facilitator sent the writer crisis resources. */
export const SIGNALS_RESOURCES = 'resourcesSent'
export const LINE_SIGNALS = 'signals'

export const SIGNAL_KINDS = ['need-a-moment', 'not-ok'] as const
export type SignalKind = (typeof SIGNAL_KINDS)[number]

/**
 * What a crisis alert was raised on: a chat or private message, a check-in's word, or a PHQ-9
 * answer above "Not at all" on item 9 (thoughts of being better off dead or of self-harm).
 */
export const ALERT_SOURCES = ['chat', 'line', 'checkin', 'measure'] as const
export type AlertSource = (typeof ALERT_SOURCES)[number]
