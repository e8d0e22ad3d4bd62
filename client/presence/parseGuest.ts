import { z } from 'zod'
import { GUEST_COLOURS, type Guest } from './createGuest.ts'

// Presence comes from other people's browsers: only the exact shape we publish is shown, so no
// one can put a real name, a link or a long text in front of the group.
const guestSchema = z.object({
  label: z.string().regex(/^Guest [1-9][0-9]?$/),
  colour: z.enum(GUEST_COLOURS),
})
const stateSchema = z.object({ guest: guestSchema })

/** The guest in one peer's awareness state, or null when it is missing or not ours to show. */
export function parseGuest(state: unknown): Guest | null {
  const parsed = stateSchema.safeParse(state)
  return parsed.success ? parsed.data.guest : null
}
