import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aFacilitator, aGroup, aMember, aSession } from '../data/test/graphRows.ts'
import { facilitatorsOf, groupsOfFacilitator } from './groupList.ts'

const AT = 1_700_000_000_000
const HOUR = 3_600_000

describe.each(DIALECTS)('a facilitator’s groups on $name', ({ open }) => {
  let opened: OpenedData
  beforeEach(async () => {
    opened = await open()
  })
  afterEach(() => opened.close())

  it('lists their groups oldest first, with active members and the next session', async () => {
    const { data } = opened
    const { groupId: first, leadId } = await aGroup(data)
    const { groupId: second } = await aGroup(data)
    await data
      .updateTable('groups')
      .set({ created_at: AT + 1 })
      .where('id', '=', second)
      .execute()
    await data
      .insertInto('group_facilitators')
      .values({ group_id: second, facilitator_id: leadId, role: 'co' })
      .execute()
    await aGroup(data) // not theirs
    for (let i = 0; i < 3; i++) await aMember(data, first)
    const removed = await aMember(data, first)
    await data.updateTable('members').set({ status: 'removed' }).where('id', '=', removed).execute()
    // The session under way (started an hour ago, 90 minutes long) is the next one; one over,
    // one later, and a cancelled one are not.
    const now = AT + HOUR
    for (const [startsAt, status] of [
      [AT, 'live'],
      [AT - 3 * HOUR, 'scheduled'],
      [AT + 48 * HOUR, 'scheduled'],
      [AT - 30 * 60_000, 'cancelled'],
    ] as const) {
      const id = await aSession(data, first, status)
      await data.updateTable('sessions').set({ starts_at: startsAt }).where('id', '=', id).execute()
    }
    expect(await groupsOfFacilitator(data, leadId, now)).toEqual([
      {
        id: first,
        name: 'Test group',
        theme: 'anxiety',
        kind: 'support',
        capacity: 12,
        role: 'lead',
        members: 3,
        nextSessionAt: AT,
      },
      {
        id: second,
        name: 'Test group',
        theme: 'anxiety',
        kind: 'support',
        capacity: 12,
        role: 'co',
        members: 0,
        nextSessionAt: null,
      },
    ])
    expect(await groupsOfFacilitator(data, 'f_nobody', now)).toEqual([])
  })

  it('lists a group’s facilitators, leads first, then by name', async () => {
    const { data } = opened
    const { groupId, leadId } = await aGroup(data)
    const named = async (name: string, role: string) => {
      const id = await aFacilitator(data)
      await data
        .updateTable('facilitators')
        .set({ display_name: name })
        .where('id', '=', id)
        .execute()
      await data
        .insertInto('group_facilitators')
        .values({ group_id: groupId, facilitator_id: id, role })
        .execute()
      return id
    }
    const zed = await named('Zed', 'lead')
    const bea = await named('bea', 'co')
    const amy = await named('Amy', 'co')
    expect(await facilitatorsOf(data, groupId)).toEqual([
      { id: leadId, name: 'Dr Test', role: 'lead' },
      { id: zed, name: 'Zed', role: 'lead' },
      // As SQLite always ordered them: capitals before small letters.
      { id: amy, name: 'Amy', role: 'co' },
      { id: bea, name: 'bea', role: 'co' },
    ])
  })
})
