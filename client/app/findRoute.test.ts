import { describe, expect, it } from 'vitest'
import { findRoute } from './findRoute.ts'

const routes = [
  { path: '/', name: 'home' },
  { path: '/groups/new', name: 'new group' },
  { path: '/groups/:groupId/:section?', name: 'group' },
  { path: '/session/:sessionId', name: 'session' },
]

describe('findRoute', () => {
  it('takes the first route that matches', () => {
    expect(findRoute(routes, '/groups/new')?.route.name).toBe('new group')
    expect(findRoute(routes, '/groups/g1/members')).toEqual({
      route: routes[2],
      params: { groupId: 'g1', section: 'members' },
    })
  })

  it('finds nothing for an unknown path', () => {
    expect(findRoute(routes, '/nowhere')).toBeNull()
  })
})
