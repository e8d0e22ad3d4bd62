import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aFacilitator } from '../data/test/graphRows.ts'
import { enableTotp, storeTotpSecret, useTotpStep } from './facilitatorTotp.ts'

const NOW = 1_700_000_000_000

describe.each(DIALECTS)('a facilitator’s second factor on $name', ({ open }) => {
  let opened: OpenedData
  let id: string
  beforeEach(async () => {
    opened = await open()
    id = await aFacilitator(opened.data)
  })
  afterEach(() => opened.close())

  const stored = () =>
    opened.data
      .selectFrom('facilitators')
      .select(['totp_secret', 'totp_enabled', 'totp_last_step'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()

  it('accepts a time step once, and none before the last accepted', async () => {
    const { data } = opened
    expect(await useTotpStep(data, id, 100)).toBe(true)
    expect(await useTotpStep(data, id, 100)).toBe(false)
    expect(await useTotpStep(data, id, 99)).toBe(false)
    expect(await useTotpStep(data, id, 101)).toBe(true)
    expect(await useTotpStep(data, 'f_nobody', 200)).toBe(false)
    expect((await stored()).totp_last_step).toBe(101)
  })

  it('accepts one code once when instances check it at once', async () => {
    const instances = [opened.data, opened.another(), opened.another()]
    const used = await Promise.all(
      Array.from({ length: 12 }, (_, i) => useTotpStep(instances[i % 3]!, id, 500)),
    )
    expect(used.filter(Boolean)).toHaveLength(1)
  })

  it('enrols with a new secret only while two-factor sign-in is off', async () => {
    const { data } = opened
    expect(await storeTotpSecret(data, id, 'sealed:first')).toBe(true)
    expect(await storeTotpSecret(data, id, 'sealed:second')).toBe(true)
    expect(await enableTotp(data, id, 'sealed:second', NOW)).toBe(true)
    expect(await storeTotpSecret(data, id, 'sealed:third')).toBe(false)
    expect(await stored()).toMatchObject({ totp_secret: 'sealed:second', totp_enabled: 1 })
    const trail = await data.selectFrom('audit_log').select(['action', 'actor_id']).execute()
    expect(trail).toEqual([{ action: 'totp.enabled', actor_id: id }])
  })

  it('turns on only with the secret the code was checked against', async () => {
    const { data } = opened
    await storeTotpSecret(data, id, 'sealed:checked')
    // Another tab started a new enrolment between the check and the switch.
    await storeTotpSecret(data, id, 'sealed:newer')
    expect(await enableTotp(data, id, 'sealed:checked', NOW)).toBe(false)
    expect(await stored()).toMatchObject({ totp_secret: 'sealed:newer', totp_enabled: 0 })
    expect(await data.selectFrom('audit_log').select('seq').execute()).toEqual([])
  })
})
