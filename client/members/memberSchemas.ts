import { z } from 'zod'
import { sqlBoolean } from '../api/sqlBoolean.ts'

/** A member of the group, for its facilitators (`GET /api/groups/:id/members`). */
export const groupMember = z.object({
  id: z.string(),
  pseudonym: z.string(),
  colour: z.string(),
  status: z.enum(['active', 'removed']),
  joinedAt: z.number(),
  acceptedCurrent: sqlBoolean,
})
export type GroupMember = z.infer<typeof groupMember>
export const memberList = z.object({ members: z.array(groupMember) })

/** A one-time link that restores a member's access, shown once. */
export const reissuedLink = z.object({ url: z.string(), expiresAt: z.number() })
export type ReissuedLink = z.infer<typeof reissuedLink>
