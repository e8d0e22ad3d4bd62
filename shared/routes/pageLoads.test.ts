import { describe, expect, it } from 'vitest'
import { pageLoadFor } from './pageLoads.ts'

describe('pageLoadFor', () => {
  it('names the page and fills its API paths from the address', () => {
    expect(pageLoadFor('/session/s3x9')).toEqual({
      module: 'session/SessionPage.tsx',
      api: ['/api/me', '/api/sessions/s3x9'],
    })
    expect(pageLoadFor('/groups/g1/members/')).toEqual({
      module: 'groups/GroupPage.tsx',
      api: ['/api/me'],
    })
    expect(pageLoadFor('/join')).toEqual({ module: 'join/JoinPage.tsx', api: [] })
  })

  it('drops an API path whose parameter is not a plain id, and knows no other address', () => {
    for (const odd of ['"><script>', 'a b', 'x'.repeat(65), '..', 'é']) {
      expect(pageLoadFor(`/session/${encodeURIComponent(odd)}`)).toEqual({
        module: 'session/SessionPage.tsx',
        api: ['/api/me'],
      })
    }
    expect(pageLoadFor('/nowhere')).toBeNull()
    expect(pageLoadFor('/session/a/b')).toBeNull()
  })
})
