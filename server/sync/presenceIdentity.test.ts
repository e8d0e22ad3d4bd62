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

  it('keeps only the documented fields, each within its cap', () => {
    const [entry] = stampPresence(
      [
        {
          clientId: 1,
          clock: 1,
          json: JSON.stringify({
            cursor: { anchor: 'x'.repeat(5000) },
            typing: true,
            padding: 'y'.repeat(10_000),
            __proto__x: 1,
          }),
        },
      ],
      identity,
    )
    expect(JSON.parse(entry!.json)).toEqual({ user: identity, typing: true })
  })

  it("keeps a tool's own user field only within its cap", () => {
    const small = stampPresence([{ clientId: 1, clock: 1, json: '{"user":{"name":"bot"}}' }], null)
    expect(JSON.parse(small[0]!.json)).toEqual({ user: { name: 'bot' } })
    const big = stampPresence(
      [{ clientId: 1, clock: 1, json: JSON.stringify({ user: { name: 'b'.repeat(600) } }) }],
      null,
    )
    expect(JSON.parse(big[0]!.json)).toEqual({})
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
