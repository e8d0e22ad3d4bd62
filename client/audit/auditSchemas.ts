import { z } from 'zod'

/** One entry of the audit trail, as the server stores it (ids only, never content). */
export const auditEntry = z.object({
  seq: z.number(),
  at: z.number(),
  actor_kind: z.string(),
  actor_id: z.string().nullable(),
  action: z.string(),
  target_kind: z.string().nullable(),
  target_id: z.string().nullable(),
  detail: z.string(),
})
export type AuditEntry = z.infer<typeof auditEntry>

export const auditTrail = z.object({
  chainVerified: z.boolean(),
  entries: z.array(auditEntry),
})
