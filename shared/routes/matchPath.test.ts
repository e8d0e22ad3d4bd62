import { describe, expect, it } from 'vitest'
import { matchPath } from './matchPath.ts'

describe('matchPath', () => {
  it('matches the root and literal paths exactly', () => {
    expect(matchPath('/', '/')).toEqual({})
    expect(matchPath('/login', '/login')).toEqual({})
    expect(matchPath('/login', '/login/')).toEqual({})
    expect(matchPath('/login', '/')).toBeNull()
    expect(matchPath('/', '/login')).toBeNull()
    expect(matchPath('/login', '/login/extra')).toBeNull()
  })

  it('captures named segments, decoded', () => {
    expect(matchPath('/session/:sessionId', '/session/sabc')).toEqual({ sessionId: 'sabc' })
    expect(matchPath('/g/:groupId/sign-in', '/g/g123/sign-in')).toEqual({ groupId: 'g123' })
    expect(matchPath('/g/:groupId/sign-in', '/g/g123/other')).toBeNull()
    expect(matchPath('/session/:id', '/session/a%20b')).toEqual({ id: 'a b' })
  })

  it('allows an optional trailing segment', () => {
    expect(matchPath('/groups/:groupId/:section?', '/groups/g1')).toEqual({ groupId: 'g1' })
    expect(matchPath('/groups/:groupId/:section?', '/groups/g1/members')).toEqual({
      groupId: 'g1',
      section: 'members',
    })
    expect(matchPath('/groups/:groupId/:section?', '/groups')).toBeNull()
  })

  it('refuses a segment that is not valid percent-encoding', () => {
    expect(matchPath('/session/:id', '/session/%E0%A4%A')).toBeNull()
  })
})
