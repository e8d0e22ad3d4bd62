import { z } from 'zod'
import { memberSession } from './memberHomeSchema.ts'
import { goalsView } from '../../shared/goals/goalsView.ts'

/** `GET /api/member/library`: per session attended, newest first, what the member may revisit. */
export const library = z.object({
  sessions: z.array(
    z.object({
      session: memberSession,
      releasedUntil: z.number().nullable(),
      items: z.array(
        z.object({
          kind: z.enum(['worksheet', 'answers', 'slides', 'canvas']),
          id: z.string(),
          title: z.string(),
          document: z.string(),
          note: z.string(),
          writable: z.boolean(),
          own: z.boolean(),
        }),
      ),
    }),
  ),
  /** The group's goals and the member's own, kept across sessions. */
  goals: goalsView,
})
export type Library = z.infer<typeof library>
