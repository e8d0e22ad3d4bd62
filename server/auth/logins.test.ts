import { afterEach, describe, expect, it } from 'vitest'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import {
  createLogin,
  endLogin,
  endLoginsOf,
  expireLogins,
  hashToken,
  resolveLogin,
  touchLogins,
  type LoginPolicy,
} from './logins.ts'

const policy: LoginPolicy = { idleMs: 60 * 60_000, absoluteMs: 12 * 60 * 60_000 }
const policyFor = () => policy
const ana = { kind: 'facilitator' as const, id: 'fac_ana' }
const robin = { kind: 'member' as const, id: 'mem_robin' }

describe.each(DIALECTS)('logins on $name', ({ open }) => {
  let opened: OpenedData
  afterEach(async () => opened.close())

  it('a login opens on every instance until it idles out, and activity keeps it open', async () => {
    opened = await open()
    const { data } = opened
    const other = opened.another()
    const token = await createLogin(data, ana, policy, 0)
    expect(await resolveLogin(other, token, policyFor, 1_000)).toEqual({
      owner: ana,
      tokenHash: hashToken(token),
      expiresAt: 1_000 + policy.idleMs,
    })
    expect(await resolveLogin(other, 'not-a-token', policyFor, 1_000)).toBeNull()
    // Activity (an open socket) seen on one instance keeps it open on the others.
    await touchLogins(data, [hashToken(token)], 50 * 60_000)
    expect(await resolveLogin(other, token, policyFor, 100 * 60_000)).not.toBeNull()
    // A resolve past the touch interval records activity itself.
    expect(await resolveLogin(other, token, policyFor, 150 * 60_000)).not.toBeNull()
    // Idle for the whole idle time: ended.
    expect(await resolveLogin(data, token, policyFor, 211 * 60_000)).toBeNull()
  })

  it('ends at its absolute limit whatever the activity, and when signed out', async () => {
    opened = await open()
    const { data } = opened
    const token = await createLogin(data, ana, policy, 0)
    for (let t = 0; t < policy.absoluteMs; t += 30 * 60_000) {
      await touchLogins(data, [hashToken(token)], t)
    }
    expect(await resolveLogin(data, token, policyFor, policy.absoluteMs - 1)).not.toBeNull()
    expect(await resolveLogin(data, token, policyFor, policy.absoluteMs)).toBeNull()
    const again = await createLogin(data, ana, policy, 0)
    await endLogin(data, hashToken(again), 10)
    expect(await resolveLogin(data, again, policyFor, 20)).toBeNull()
  })

  it('ends every login of the people named, and those past their limits, telling which', async () => {
    opened = await open()
    const { data } = opened
    const phone = await createLogin(data, robin, policy, 0)
    const laptop = await createLogin(data, robin, policy, 0)
    const lead = await createLogin(data, ana, policy, 0)
    const ended = await endLoginsOf(data, [robin], 100)
    expect(ended.sort()).toEqual([hashToken(phone), hashToken(laptop)].sort())
    expect(await endLoginsOf(data, [robin], 200)).toEqual([])
    expect(await resolveLogin(data, lead, policyFor, 300)).not.toBeNull()
    expect(await expireLogins(data, policyFor, policy.idleMs + 300)).toEqual([hashToken(lead)])
    expect(await expireLogins(data, policyFor, policy.idleMs + 400)).toEqual([])
  })
})
