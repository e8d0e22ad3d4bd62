import type { Principal } from '../auth/Principal.ts'
import type { AwarenessEntry } from './parseFrame.ts'

/** What peers may see of a person: set by the server, never by the client (C9). */
export interface PresenceIdentity {
  name: string
  colour: string
  /** The same colour under the name TipTap's CollaborationCaret reads. */
  color: string
  role: 'facilitator' | 'member'
}

export const FACILITATOR_COLOUR = '#2f5d50'

export function presenceIdentity(principal: Principal): PresenceIdentity | null {
  if (principal.kind === 'member') {
    const { name, colour } = principal
    return { name, colour, color: colour, role: 'member' }
  }
  if (principal.kind === 'facilitator') {
    return {
      name: principal.name,
      colour: FACILITATOR_COLOUR,
      color: FACILITATOR_COLOUR,
      role: 'facilitator',
    }
  }
  return null
}

/**
 * Replaces the `user` field of each announced state by the server's identity of the sender,
 * whatever the client claimed. Removals (`null`) pass through.
 */
export function stampPresence(
  entries: AwarenessEntry[],
  identity: PresenceIdentity,
): AwarenessEntry[] {
  const user = JSON.stringify(identity)
  return entries.map((entry) => {
    if (entry.json === 'null') return entry
    const state: unknown = JSON.parse(entry.json)
    const fields =
      state && typeof state === 'object' && !Array.isArray(state)
        ? (state as Record<string, unknown>)
        : {}
    const { user: _claimed, ...rest } = fields
    const body = JSON.stringify(rest)
    const json = body === '{}' ? `{"user":${user}}` : `{"user":${user},${body.slice(1)}`
    return { ...entry, json }
  })
}
