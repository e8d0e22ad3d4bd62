import type { Invitation } from './invitationSchemas.ts'

export type InvitationState = 'active' | 'used' | 'expired' | 'revoked'

/** Whether an invitation can still be used, and if not, why (the first reason that applies). */
export function invitationState(invitation: Invitation, now: number): InvitationState {
  if (invitation.revokedAt !== null) return 'revoked'
  if (invitation.uses >= invitation.maxUses) return 'used'
  if (invitation.expiresAt <= now) return 'expired'
  return 'active'
}

export const INVITATION_STATE_LABELS: Record<InvitationState, string> = {
  active: 'Can be used',
  used: 'Used up',
  expired: 'Expired',
  revoked: 'Withdrawn',
}
