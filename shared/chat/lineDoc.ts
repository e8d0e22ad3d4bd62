import { z } from 'zod'
import { CHAT_MAX_CHARS } from './chatDoc.ts'

/**
 * A member's private line (`g/<g>/s/<s>/line/<key>`), beside its silent signals
 * (shared/signals/signalDocs.ts): written by the server, read by that member and the session's
 * facilitators, never by a peer.
 *
 * - `messages`: the conversation, oldest first (LineMessage).
 * - `chat`: `muted` (a facilitator paused this member's chat messages), told only to them.
 * - `crisis`: alert id → `{ at, resources }`: what the member is shown, privately, after a
 *   message of theirs matched a risk phrase.
 */
export const LINE_MESSAGES = 'messages'
export const LINE_CHAT = 'chat'
export const LINE_CRISIS = 'crisis'

const crisisLine = z.object({
  name: z.string(),
  phone: z.string().optional(),
  sms: z.string().optional(),
  url: z.string().optional(),
  hours: z.string().optional(),
  languages: z.array(z.string()).optional(),
  note: z.string().optional(),
})
/** The crisis resources of a region as the member sees them (shared/crisis). */
export const regionResourcesView = z.object({
  region: z.string(),
  label: z.string(),
  emergency: z.string(),
  lines: z.array(crisisLine),
  sources: z.array(z.string()),
})

export const lineMessage = z.object({
  id: z.string().max(64),
  at: z.number(),
  from: z.enum(['member', 'facilitator']),
  /** The facilitator who answered (members write as themselves: the line is theirs). */
  name: z.string().max(80).optional(),
  text: z.string().max(CHAT_MAX_CHARS),
  /** Crisis resources a facilitator sent with one click. */
  resources: regionResourcesView.optional(),
})
export type LineMessage = z.infer<typeof lineMessage>

export const lineCrisis = z.object({ at: z.number(), resources: regionResourcesView })

export const linePostRequest = z.object({
  text: z.string().trim().min(1, 'Write something first.').max(CHAT_MAX_CHARS),
})
