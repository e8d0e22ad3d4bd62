import { describe, expect, it } from 'vitest'
import type { Invitation } from './invitationSchemas.ts'
import { invitationState } from './invitationState.ts'

const now = 1_000_000
const base: Invitation = {
  id: 'i1',
  maxUses: 2,
  uses: 0,
  expiresAt: now + 1,
  revokedAt: null,
  createdAt: now - 10,
  isReissue: false,
  label: '',
}

describe('invitationState', () => {
  it('is active while it has uses left, before it expires', () => {
    expect(invitationState(base, now)).toBe('active')
    expect(invitationState({ ...base, uses: 1 }, now)).toBe('active')
  })

  it('says why it can no longer be used, withdrawn first', () => {
    expect(invitationState({ ...base, uses: 2 }, now)).toBe('used')
    expect(invitationState({ ...base, expiresAt: now }, now)).toBe('expired')
    expect(invitationState({ ...base, revokedAt: now - 1, uses: 2, expiresAt: 0 }, now)).toBe(
      'revoked',
    )
  })
})
