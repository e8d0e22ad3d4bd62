import { afterEach, describe, expect, it } from 'vitest'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import {
  cancelAttempt,
  pruneFailures,
  releaseAttempt,
  reserveAttempt,
  type ThrottlePolicy,
} from './loginThrottle.ts'

const policy: ThrottlePolicy = { windowMs: 60_000, perPair: 3, perAccount: 5, perAddress: 8 }
const ana = { account: 'f:ana@clinic.example', address: '203.0.113.7' }

describe.each(DIALECTS)('the sign-in throttle on $name', ({ open }) => {
  let opened: OpenedData
  afterEach(async () => opened.close())

  it('counts attempts before the check, and refuses (counting nothing) at a limit', async () => {
    opened = await open()
    const { data } = opened
    for (let i = 0; i < 3; i++)
      expect(await reserveAttempt(data, ana, policy, 1_000 + i)).toHaveLength(3)
    expect(await reserveAttempt(data, ana, policy, 1_010)).toBeNull()
    // Another address still gets in, up to the account's own limit.
    const elsewhere = { ...ana, address: '198.51.100.4' }
    expect(await reserveAttempt(data, elsewhere, policy, 1_011)).toHaveLength(3)
    expect(await reserveAttempt(data, elsewhere, policy, 1_012)).toHaveLength(3)
    expect(await reserveAttempt(data, elsewhere, policy, 1_013)).toBeNull()
    // Past the window, the old attempts no longer count, and pruning removes them.
    expect(await reserveAttempt(data, ana, policy, 62_000)).toHaveLength(3)
    await pruneFailures(data, policy, 62_000)
    const left = await data.selectFrom('login_failures').select('at').execute()
    expect(left.map((r) => r.at)).toEqual([62_000, 62_000, 62_000])
  })

  it('gives a reservation back on success, with the pair’s earlier failures; a cancelled one is not counted', async () => {
    opened = await open()
    const { data } = opened
    await reserveAttempt(data, ana, policy, 1_000)
    await reserveAttempt(data, ana, policy, 1_001)
    const ok = (await reserveAttempt(data, ana, policy, 1_002))!
    await releaseAttempt(data, ana, ok)
    const keys = await data.selectFrom('login_failures').select('key').execute()
    // The account's and the address's counts keep the two failures; the pair forgot them.
    expect(keys.map((r) => r.key).sort()).toEqual([
      'a:f:ana@clinic.example',
      'a:f:ana@clinic.example',
      'ip:203.0.113.7',
      'ip:203.0.113.7',
    ])
    const busy = (await reserveAttempt(data, ana, policy, 1_003))!
    await cancelAttempt(data, busy)
    expect(await data.selectFrom('login_failures').select('id').execute()).toHaveLength(4)
  })

  it('never lets concurrent guesses past a limit, from one instance or several', async () => {
    opened = await open()
    const instances = [opened.data, opened.another(), opened.another()]
    const guesses = Array.from({ length: 30 }, (_, i) =>
      reserveAttempt(instances[i % 3]!, ana, policy, 5_000),
    )
    const granted = (await Promise.all(guesses)).filter((r) => r !== null)
    expect(granted).toHaveLength(policy.perPair)
    const rows = await opened.data.selectFrom('login_failures').select('key').execute()
    expect(rows).toHaveLength(3 * policy.perPair)
  })
})
