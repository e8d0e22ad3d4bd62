import { z } from 'zod'

/** `GET /api/groups/:groupId/goals`: the documents this person may open, and consent. */
export const goalsView = z.object({
  group: z.object({ document: z.string(), writable: z.boolean() }),
  /** A member's own goals (null for facilitators). */
  own: z.object({ document: z.string(), sharedWithFacilitators: z.boolean() }).nullable(),
  /** For facilitators: members' own goals shared with them, by pseudonym. */
  sharedWithYou: z.array(z.object({ name: z.string(), colour: z.string(), document: z.string() })),
})
export type GoalsView = z.infer<typeof goalsView>

/** `POST /api/member/goals/share`: share one's own goals with the facilitators, or take back. */
export const goalsShareRequest = z.object({ shared: z.boolean() }).strict()
