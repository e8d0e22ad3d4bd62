import { z } from 'zod'

/** Someone in the session room, as the server stamped them into the awareness state. */
export interface RoomPerson {
  name: string
  colour: string
  role: 'facilitator' | 'member'
}

// The server replaces `user` in every state it relays with the sender's real identity, so a
// client cannot pose as someone else. Anything else in a state is ignored, and a state
// without a well-formed `user` is not shown at all.
const stampedState = z.object({
  user: z.object({
    name: z.string().trim().min(1).max(80),
    colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    role: z.enum(['facilitator', 'member']),
  }),
})

/** The person in one peer's awareness state, or null. */
export function parseRoomPerson(state: unknown): RoomPerson | null {
  const parsed = stampedState.safeParse(state)
  return parsed.success ? parsed.data.user : null
}

/**
 * Everyone present once (a person with two tabs open is one person), facilitators first,
 * then by name.
 */
export function listRoomPeople(states: Iterable<unknown>): RoomPerson[] {
  const people = new Map<string, RoomPerson>()
  for (const state of states) {
    const person = parseRoomPerson(state)
    if (person) people.set(`${person.role}:${person.name}`, person)
  }
  return [...people.values()].sort(
    (a, b) =>
      Number(b.role === 'facilitator') - Number(a.role === 'facilitator') ||
      a.name.localeCompare(b.name),
  )
}
