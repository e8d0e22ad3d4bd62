import { PRESENCE_FIELD_BYTES } from '../../shared/sync/presenceFields.ts'
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
 * Bounds each announced state: only the fields of `PRESENCE_FIELD_BYTES`, each within its cap,
 * and `user` replaced by the server's identity of the sender whatever the client claimed (a
 * tool's token has none: its `user` is kept within the cap). Removals (`null`) pass through.
 */
export function stampPresence(
  entries: AwarenessEntry[],
  identity: PresenceIdentity | null,
): AwarenessEntry[] {
  const user = identity ? JSON.stringify(identity) : null
  return entries.map((entry) => {
    if (entry.json === 'null') return entry
    const state: unknown = JSON.parse(entry.json)
    const fields =
      state && typeof state === 'object' && !Array.isArray(state)
        ? (state as Record<string, unknown>)
        : {}
    const kept: string[] = user ? [`"user":${user}`] : []
    for (const [field, value] of Object.entries(fields)) {
      const cap = PRESENCE_FIELD_BYTES[field]
      if (cap === undefined || (field === 'user' && user)) continue
      const json = JSON.stringify(value)
      if (json !== undefined && json.length <= cap) kept.push(`${JSON.stringify(field)}:${json}`)
    }
    return { ...entry, json: `{${kept.join(',')}}` }
  })
}
