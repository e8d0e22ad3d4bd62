import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aFacilitator, aGroup } from '../data/test/graphRows.ts'
import { addFacilitator, changeFacilitatorRole, removeFacilitator } from './groupFacilitators.ts'

const AT = 1_700_000_000_000
const actor = (id: string) => ({ kind: 'facilitator' as const, id })

describe.each(DIALECTS)('a group’s facilitators on $name', ({ open }) => {
  let opened: OpenedData
  let groupId: string
  let leadId: string
  let coId: string
  beforeEach(async () => {
    opened = await open()
    ;({ groupId, leadId } = await aGroup(opened.data))
    coId = await aFacilitator(opened.data)
  })
  afterEach(() => opened.close())

  const roles = async () =>
    Object.fromEntries(
      (
        await opened.data
          .selectFrom('group_facilitators')
          .select(['facilitator_id', 'role'])
          .where('group_id', '=', groupId)
          .execute()
      ).map((r) => [r.facilitator_id, r.role]),
    )
  const trail = async () =>
    (await opened.data.selectFrom('audit_log').select('action').orderBy('seq').execute()).map(
      (r) => r.action,
    )

  it('adds a facilitator once; one already there keeps their role', async () => {
    const { data } = opened
    expect(await addFacilitator(data, groupId, coId, 'co', actor(leadId), AT)).toBe(true)
    expect(await addFacilitator(data, groupId, coId, 'lead', actor(leadId), AT)).toBe(false)
    expect(await addFacilitator(data, groupId, leadId, 'co', actor(leadId), AT)).toBe(false)
    expect(await roles()).toEqual({ [leadId]: 'lead', [coId]: 'co' })
    expect(await trail()).toEqual(['facilitator.added'])
  })

  it('changes roles and removes, never leaving the group without a lead', async () => {
    const { data } = opened
    await addFacilitator(data, groupId, coId, 'co', actor(leadId), AT)
    await expect(
      changeFacilitatorRole(data, groupId, leadId, 'co', actor(leadId), AT),
    ).rejects.toMatchObject({ status: 409 })
    await expect(removeFacilitator(data, groupId, leadId, actor(leadId), AT)).rejects.toMatchObject(
      { status: 409 },
    )
    await expect(
      changeFacilitatorRole(data, groupId, 'f_nobody', 'lead', actor(leadId), AT),
    ).rejects.toMatchObject({ status: 404 })
    await expect(
      removeFacilitator(data, groupId, 'f_nobody', actor(leadId), AT),
    ).rejects.toMatchObject({ status: 404 })
    expect(await roles()).toEqual({ [leadId]: 'lead', [coId]: 'co' })
    await changeFacilitatorRole(data, groupId, coId, 'lead', actor(leadId), AT)
    await removeFacilitator(data, groupId, leadId, actor(coId), AT)
    expect(await roles()).toEqual({ [coId]: 'lead' })
    expect(await trail()).toEqual([
      'facilitator.added',
      'facilitator.role-changed',
      'facilitator.removed',
    ])
  })

  it('two leads demoting each other from two instances at once leave one lead', async () => {
    const other = opened.another()
    // Connections open before the race: neither instance is held back by connecting.
    await Promise.all(
      [opened.data, opened.data, other, other].map((d) =>
        d.selectFrom('group_facilitators').select('role').execute(),
      ),
    )
    for (let round = 0; round < 3; round++) {
      const { groupId, leadId } = await aGroup(opened.data)
      await addFacilitator(opened.data, groupId, coId, 'lead', actor(leadId), AT)
      const outcomes = await Promise.allSettled([
        changeFacilitatorRole(opened.data, groupId, coId, 'co', actor(leadId), AT),
        changeFacilitatorRole(other, groupId, leadId, 'co', actor(coId), AT),
      ])
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected'])
      const leads = await opened.data
        .selectFrom('group_facilitators')
        .select('facilitator_id')
        .where('group_id', '=', groupId)
        .where('role', '=', 'lead')
        .execute()
      expect(leads).toHaveLength(1)
    }
  })
})
