import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../audit/audit.ts'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aGroup, aMember } from '../data/test/graphRows.ts'
import { calendarFeedMember, replaceCalendarFeed } from './calendarFeeds.ts'

const NOW = 1_700_000_000_000

describe.each(DIALECTS)('calendar feeds on $name', ({ open }) => {
  let opened: OpenedData
  let member: { id: string; groupId: string }
  beforeEach(async () => {
    opened = await open()
    const { groupId } = await aGroup(opened.data)
    member = { id: await aMember(opened.data, groupId), groupId }
  })
  afterEach(() => opened.close())

  it('a new feed replaces the old one; a removed member’s feed opens nothing', async () => {
    const { data } = opened
    await replaceCalendarFeed(data, member, 'hash-1', NOW)
    expect(await calendarFeedMember(data, 'hash-1')).toEqual({
      id: member.id,
      group_id: member.groupId,
    })
    await replaceCalendarFeed(data, member, 'hash-2', NOW + 1)
    expect(await calendarFeedMember(data, 'hash-1')).toBeUndefined()
    expect(await calendarFeedMember(data, 'hash-2')).toMatchObject({ id: member.id })
    const trail = await data.selectFrom('audit_log').select(['action', 'actor_id']).execute()
    expect(trail).toEqual([
      { action: 'calendar.created', actor_id: member.id },
      { action: 'calendar.created', actor_id: member.id },
    ])
    await data
      .updateTable('members')
      .set({ status: 'removed' })
      .where('id', '=', member.id)
      .execute()
    expect(await calendarFeedMember(data, 'hash-2')).toBeUndefined()
  })

  it('leaves one feed when instances make one for the same member at once', async () => {
    const instances = [opened.data, opened.another(), opened.another()]
    await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        replaceCalendarFeed(instances[i % 3]!, member, `hash-${i}`, NOW + i),
      ),
    )
    const feeds = await opened.data.selectFrom('calendar_feeds').selectAll().execute()
    expect(feeds).toHaveLength(1)
    expect(await verifyAuditChain(opened.data)).toEqual({ ok: true, rows: 9 })
  })
})
