import { z } from 'zod'
import { sqlBoolean } from '../api/sqlBoolean.ts'

/** An invitation as facilitators see it: never its link, which only its creator saw once. */
export const invitation = z.object({
  id: z.string(),
  maxUses: z.number(),
  uses: z.number(),
  expiresAt: z.number(),
  revokedAt: z.number().nullable(),
  createdAt: z.number(),
  isReissue: sqlBoolean,
  label: z.string().default(''),
})
export type Invitation = z.infer<typeof invitation>
export const invitationList = z.object({ invitations: z.array(invitation) })

/** A new invitation: the link, shown once. */
export const createdInvitation = z.object({
  id: z.string(),
  url: z.string(),
  expiresAt: z.number(),
  maxUses: z.number(),
})
export type CreatedInvitation = z.infer<typeof createdInvitation>
