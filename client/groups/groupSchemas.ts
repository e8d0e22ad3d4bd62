import { z } from 'zod'
import { GROUP_KINDS, groupSettings } from '../../shared/api/schemas.ts'

/** One of the facilitator's groups, as `GET /api/groups` lists it. */
export const groupSummary = z.object({
  id: z.string(),
  name: z.string(),
  theme: z.string(),
  kind: z.enum(GROUP_KINDS),
  capacity: z.number(),
  role: z.enum(['lead', 'co']),
  members: z.number(),
  nextSessionAt: z.number().nullable(),
})
export type GroupSummary = z.infer<typeof groupSummary>
export const groupList = z.object({ groups: z.array(groupSummary) })

/** A group with its settings, current agreement and facilitators (`GET /api/groups/:id`). */
export const groupDetail = z.object({
  id: z.string(),
  yourRole: z.enum(['lead', 'co']),
  settings: groupSettings,
  agreement: z.object({ version: z.number(), text: z.string() }),
  facilitators: z.array(
    z.object({ id: z.string(), name: z.string(), role: z.enum(['lead', 'co']) }),
  ),
})
export type GroupDetail = z.infer<typeof groupDetail>

export const createdGroup = z.object({ id: z.string() })
export const publishedAgreement = z.object({ version: z.number() })
