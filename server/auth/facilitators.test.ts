import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../audit/audit.ts'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { countFacilitators, createFacilitator } from './facilitators.ts'
import { consumeSetupLink, issueSetupLink } from './setupLink.ts'

const NOW = 1_700_000_000_000
const PASSWORD = 'lantern-orchard-velvet-9'
const SYSTEM = { kind: 'system', id: null } as const
const input = (email: string) => ({ email, displayName: '  Dr Test ', password: PASSWORD })

describe.each(DIALECTS)('facilitator accounts on $name', ({ open }) => {
  let opened: OpenedData
  beforeEach(async () => {
    opened = await open()
  })
  afterEach(() => opened.close())

  it('creates an account under its normalised address, with its audit entry', async () => {
    const { data } = opened
    const created = await createFacilitator(data, input(' Lead@Clinic.Example '), SYSTEM, NOW)
    expect(created.ok).toBe(true)
    const row = await data.selectFrom('facilitators').selectAll().executeTakeFirstOrThrow()
    expect(row).toMatchObject({ email: 'lead@clinic.example', display_name: 'Dr Test' })
    expect(row.password_hash).not.toContain(PASSWORD)
    const trail = await data.selectFrom('audit_log').selectAll().execute()
    expect(trail.map((e) => [e.action, e.target_id])).toEqual([
      ['facilitator.created', created.ok && created.id],
    ])
    expect(await countFacilitators(data)).toBe(1)
  })

  it('refuses a weak password, a taken address, and a claim that fails, creating nothing', async () => {
    const { data } = opened
    expect(
      await createFacilitator(data, { ...input('a@x.example'), password: 'short' }, SYSTEM, NOW),
    ).toMatchObject({ ok: false, error: 'weak-password' })
    await createFacilitator(data, input('a@x.example'), SYSTEM, NOW)
    expect(await createFacilitator(data, input('A@X.example'), SYSTEM, NOW)).toMatchObject({
      ok: false,
      error: 'email-taken',
    })
    const token = (await issueSetupLink(data, 'https://h.example', NOW)).split('#')[1]!
    expect(await consumeSetupLink(data, token, NOW)).toBe(true)
    const unclaimed = await createFacilitator(data, input('b@x.example'), SYSTEM, NOW, (trx) =>
      consumeSetupLink(trx, token, NOW),
    )
    expect(unclaimed).toMatchObject({ ok: false, error: 'not-claimed' })
    expect(await countFacilitators(data)).toBe(1)
  })

  it('uses up a set-up link only with an account it creates', async () => {
    const { data } = opened
    await createFacilitator(data, input('a@x.example'), SYSTEM, NOW)
    const token = (await issueSetupLink(data, 'https://h.example', NOW)).split('#')[1]!
    const claim = (trx: typeof data) => consumeSetupLink(trx, token, NOW)
    expect(await createFacilitator(data, input('a@x.example'), SYSTEM, NOW, claim)).toMatchObject({
      error: 'email-taken',
    })
    expect(await createFacilitator(data, input('b@x.example'), SYSTEM, NOW, claim)).toMatchObject({
      ok: true,
    })
  })

  it('gives one address one account when instances create it at once', async () => {
    const instances = [opened.data, opened.another(), opened.another()]
    // Each waits (a while at most) in its transaction, past the check, for the others to reach
    // the same point: without turns, all would find the address free.
    let checked = 0
    const together = async () => {
      checked++
      for (let i = 0; i < 20 && checked < instances.length; i++) await sleep(10)
      return true
    }
    const results = await Promise.all(
      instances.map((data, i) =>
        createFacilitator(data, input('same@x.example'), SYSTEM, NOW + i, together),
      ),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error)).toEqual([
      'email-taken',
      'email-taken',
    ])
    expect(await countFacilitators(opened.data)).toBe(1)
    expect(await verifyAuditChain(opened.data)).toEqual({ ok: true, rows: 1 })
  })
})
