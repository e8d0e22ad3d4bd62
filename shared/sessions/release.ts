import { z } from 'zod'
import type { DocKind } from '../documents/docKinds.ts'

/**
 * What a facilitator releases to members after a session (issue 13): the kinds of group
 * material, each released or withheld, and for how long. Members' own private copies are
 * not in it: they are the member's, kept until the member erases them or leaves.
 * A member's own canvas (`sketch`) is theirs, like a private copy: not in it.
 */
export const RELEASE_KINDS = ['worksheets', 'answers', 'slides', 'chat', 'canvas'] as const
export type ReleaseKind = (typeof RELEASE_KINDS)[number]

export const RELEASE_KIND_LABELS: Record<ReleaseKind, string> = {
  worksheets: 'The group’s worksheets, as the group left them',
  answers: 'Answers members shared with the group',
  slides: 'The slides presented, without your speaker notes',
  chat: 'The group chat (where the group keeps it)',
  canvas: 'The group canvas',
}

/** How long released material stays, in days after the session ends; null: until changed. */
export const RELEASE_DAYS = [7, 30, 90, 365] as const

export const DAY_MS = 24 * 60 * 60 * 1000

export const releaseRequest = z
  .object({
    withheld: z.array(z.enum(RELEASE_KINDS)).max(RELEASE_KINDS.length),
    days: z
      .number()
      .int()
      .refine(
        (d) => (RELEASE_DAYS as readonly number[]).includes(d),
        'Choose 7, 30, 90 or 365 days.',
      )
      .nullable(),
  })
  .strict()
export type ReleaseRequest = z.infer<typeof releaseRequest>

/** A session's release as the facilitators set it and members see it. */
export interface ReleaseView {
  withheld: ReleaseKind[]
  days: number | null
  /** When released material disappears (epoch ms); null while open-ended or before the end. */
  until: number | null
  /** When the job deleted the released material, once it has. */
  deletedAt: number | null
}

/** Which release kind a document belongs to, when it is group material; else null. */
export function releaseKindOf(kind: DocKind): ReleaseKind | null {
  switch (kind) {
    case 'session-shared':
      return 'worksheets'
    case 'handout':
      return 'slides'
    case 'chat':
      return 'chat'
    case 'canvas':
    case 'canvas-layer':
      return 'canvas'
    // Answers, or a whole own sheet, a member shared with the group (never its owner's access).
    case 'shared-answers':
    case 'member-private':
      return 'answers'
    default:
      return null
  }
}
