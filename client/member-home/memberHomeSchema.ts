import { z } from 'zod'
import { SESSION_STATUSES } from '../session/sessionSchemas.ts'

/** A session as a member's home lists it. */
export const memberSession = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.number(),
  durationMinutes: z.number(),
  timeZone: z.string(),
  status: z.enum(SESSION_STATUSES),
})
export type MemberSession = z.infer<typeof memberSession>

/** `GET /api/member/home`: the member's group, its agreement and their upcoming sessions. */
export const memberHome = z.object({
  you: z.object({ name: z.string(), colour: z.string() }),
  group: z.object({
    id: z.string(),
    name: z.string(),
    theme: z.string(),
    description: z.string(),
    goals: z.string(),
  }),
  agreement: z.object({ version: z.number(), text: z.string(), accepted: z.boolean() }),
  sessions: z.array(memberSession),
})
export type MemberHome = z.infer<typeof memberHome>
