import { describe, expect, it } from 'vitest'
import type { DocName } from '../../shared/documents/docName.ts'
import { authorizeByGrants } from './authorize.ts'

const p = (grants: { prefix: string; access: 'write' | 'read' }[]) => ({
  kind: 'token' as const,
  id: 'p',
  grants,
  expiresAt: Infinity,
})

describe('authorizeByGrants', () => {
  it('[C8] gives the strongest matching grant and nothing else', () => {
    const principal = p([
      { prefix: 'playground/', access: 'read' },
      { prefix: 'playground/mine', access: 'write' },
    ])
    expect(authorizeByGrants(principal, 'playground/mine' as DocName)).toBe('write')
    expect(authorizeByGrants(principal, 'playground/other' as DocName)).toBe('read')
    expect(authorizeByGrants(principal, 'g/1/notes' as DocName)).toBe('none')
    expect(authorizeByGrants(p([]), 'playground/mine' as DocName)).toBe('none')
  })
})
