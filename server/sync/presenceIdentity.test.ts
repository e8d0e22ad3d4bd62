import { describe, expect, it } from 'vitest'
import { stampPresence } from './presenceIdentity.ts'

const identity = { name: 'Robin', colour: '#1d6fa3', color: '#1d6fa3', role: 'member' as const }

describe('[C9] stampPresence', () => {
  it('replaces a claimed identity by the server one and keeps the rest', () => {
    const [entry] = stampPresence(
      [
        {
          clientId: 1,
          clock: 2,
          json: '{"user":{"name":"Facilitator","colour":"#000"},"cursor":{"a":1}}',
        },
      ],
      identity,
    )
    expect(JSON.parse(entry!.json)).toEqual({ user: identity, cursor: { a: 1 } })
  })

  it('stamps states that claimed nothing, and non-object states', () => {
    expect(
      JSON.parse(stampPresence([{ clientId: 1, clock: 1, json: '{}' }], identity)[0]!.json),
    ).toEqual({ user: identity })
    expect(
      JSON.parse(stampPresence([{ clientId: 1, clock: 1, json: '"x"' }], identity)[0]!.json),
    ).toEqual({ user: identity })
  })

  it('passes removals through', () => {
    expect(stampPresence([{ clientId: 1, clock: 1, json: 'null' }], identity)[0]!.json).toBe('null')
  })
})
