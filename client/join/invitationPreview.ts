import { z } from 'zod'
import { GROUP_KINDS } from '../../shared/api/schemas.ts'

/** What an invitation shows before joining (`GET /api/invitations/:token`). */
export const invitationPreview = z.object({
  group: z.object({
    id: z.string(),
    name: z.string(),
    theme: z.string(),
    description: z.string(),
    kind: z.enum(GROUP_KINDS),
  }),
  agreement: z.object({ version: z.number(), text: z.string() }),
  anonymousChat: z.boolean(),
  facilitatorsSeeAuthors: z.boolean(),
  chatKept: z.boolean(),
  /** Set when the link restores access for an existing member, who keeps this name. */
  pseudonym: z.string().nullable(),
})
export type InvitationPreview = z.infer<typeof invitationPreview>
