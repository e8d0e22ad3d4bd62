import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aGroup, aMember, aSession } from '../data/test/graphRows.ts'
import { membersOf, upcomingSessionsOf } from './memberQueries.ts'

const AT = 1_700_000_000_000
const MINUTE = 60_000

describe.each(DIALECTS)('a group’s members and sessions on $name', ({ open }) => {
  let opened: OpenedData
  let groupId: string
  beforeEach(async () => {
    opened = await open()
    ;({ groupId } = await aGroup(opened.data))
  })
  afterEach(() => opened.close())

  it('lists members in the order they joined, and who accepted the current agreement', async () => {
    const { data } = opened
    const robin = await aMember(data, groupId, 'Robin')
    const sky = await aMember(data, groupId, 'Sky')
    await data
      .updateTable('members')
      .set({ created_at: AT - 1 })
      .where('id', '=', sky)
      .execute()
    await data
      .insertInto('agreement_acceptances')
      .values([
        { member_id: robin, version: 1, accepted_at: AT },
        { member_id: robin, version: 2, accepted_at: AT },
        { member_id: sky, version: 1, accepted_at: AT },
      ])
      .execute()
    expect(await membersOf(data, groupId, 2)).toEqual([
      {
        id: sky,
        pseudonym: 'Sky',
        colour: '#336699',
        status: 'active',
        joinedAt: AT - 1,
        acceptedCurrent: false,
      },
      {
        id: robin,
        pseudonym: 'Robin',
        colour: '#336699',
        status: 'active',
        joinedAt: AT,
        acceptedCurrent: true,
      },
    ])
    expect(await membersOf(data, 'g_other', 2)).toEqual([])
  })

  it('shows the next sessions not yet over, up to an hour past their end', async () => {
    const { data } = opened
    const live = await aSession(data, groupId, 'live') // 90 minutes from AT
    const ended = await aSession(data, groupId, 'ended')
    const cancelled = await aSession(data, groupId, 'cancelled')
    const later = await aSession(data, groupId, 'scheduled')
    await data
      .updateTable('sessions')
      .set({ starts_at: AT + 60 * MINUTE })
      .where('id', '=', later)
      .execute()
    const now = AT + 90 * MINUTE + 60 * MINUTE - 1
    const upcoming = await upcomingSessionsOf(data, groupId, now)
    expect(upcoming.map((s) => s.id)).toEqual([live, later])
    expect(upcoming[0]).toEqual({
      id: live,
      title: 'Session',
      startsAt: AT,
      durationMinutes: 90,
      timeZone: 'Europe/Berlin',
      status: 'live',
    })
    expect((await upcomingSessionsOf(data, groupId, now + 1)).map((s) => s.id)).toEqual([later])
    expect([ended, cancelled]).not.toContain(upcoming[1]!.id)
  })
})
