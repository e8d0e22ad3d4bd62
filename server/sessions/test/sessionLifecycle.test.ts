import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../audit/audit.ts'
import { DIALECTS, type OpenedData } from '../../data/test/eachDialect.ts'
import { aGroup, aMember, aSession } from '../../data/test/graphRows.ts'
import { calendarFeed } from '../calendarFeed.ts'
import { changeStatus } from '../changeStatus.ts'
import { sessionRow } from '../roomState.ts'
import { scheduleSessions } from '../scheduleSessions.ts'

const NOW = 1_800_000_000_000
const DAY = 86_400_000

describe.each(DIALECTS)('session scheduling and lifecycle on $name', ({ open }) => {
  let opened: OpenedData
  let groupId: string
  let lead: { kind: 'facilitator'; id: string }
  beforeEach(async () => {
    opened = await open()
    const group = await aGroup(opened.data)
    groupId = group.groupId
    lead = { kind: 'facilitator', id: group.leadId }
  })
  afterEach(() => opened.close())

  const actions = async () =>
    (await opened.data.selectFrom('audit_log').select('action').orderBy('seq').execute()).map(
      (r) => r.action,
    )

  it('schedules a weekly series at the same local time across a clock change, with one entry', async () => {
    const { data } = opened
    const body = {
      title: 'Evening group',
      startsAtLocal: '2026-03-19T18:00',
      timeZone: 'Europe/Berlin',
      durationMinutes: 90,
      weeklyOccurrences: 3,
    }
    const ids = await scheduleSessions(data, groupId, body, lead, NOW)
    expect(ids).toHaveLength(3)
    const rows = await Promise.all(ids.map((id) => sessionRow(data, id)))
    const hours = rows.map((r) => new Date(r.starts_at).getUTCHours())
    // 18:00 in Berlin: 17:00 UTC before the change to summer time (29 March), 16:00 after.
    expect(hours).toEqual([17, 17, 16])
    expect(rows.every((r) => r.status === 'scheduled' && r.series_id !== null)).toBe(true)
    const series = await data.selectFrom('session_series').selectAll().executeTakeFirstOrThrow()
    expect(series).toMatchObject({
      group_id: groupId,
      occurrences: 3,
      local_start: '2026-03-19T18:00',
    })
    const trail = await data.selectFrom('audit_log').selectAll().execute()
    expect(trail.map((e) => JSON.parse(e.detail))).toEqual([{ count: 3, series: series.id }])

    const [single] = await scheduleSessions(
      data,
      groupId,
      { ...body, weeklyOccurrences: undefined },
      lead,
      NOW,
    )
    expect((await sessionRow(data, single!)).series_id).toBeNull()
  })

  it('moves a session forward only, stamping each step and closing attendance at the end', async () => {
    const { data } = opened
    const sessionId = await aSession(data, groupId, 'scheduled')
    const memberId = await aMember(data, groupId)
    await data
      .insertInto('session_attendance')
      .values({ session_id: sessionId, member_id: memberId, state: 'admitted', arrived_at: NOW })
      .execute()
    const to = (status: 'open' | 'live' | 'ended' | 'cancelled', at: number) =>
      changeStatus(data, sessionId, groupId, status, lead, at)
    expect(await to('live', NOW)).toEqual({ changed: false, from: 'scheduled' })
    expect(await to('open', NOW + 1)).toEqual({ changed: true, from: 'scheduled' })
    expect(await to('live', NOW + 2)).toEqual({ changed: true, from: 'open' })
    expect(await to('cancelled', NOW + 3)).toEqual({ changed: false, from: 'live' })
    expect(await to('ended', NOW + 4)).toEqual({ changed: true, from: 'live' })
    expect(await sessionRow(data, sessionId)).toMatchObject({
      status: 'ended',
      opened_at: NOW + 1,
      started_at: NOW + 2,
      ended_at: NOW + 4,
    })
    const attendance = await data.selectFrom('session_attendance').selectAll().executeTakeFirst()
    expect(attendance?.left_at).toBe(NOW + 4)
    const trail = await data.selectFrom('audit_log').select('detail').orderBy('seq').execute()
    expect(trail.map((e) => JSON.parse(e.detail))).toEqual([
      { from: 'scheduled', to: 'open' },
      { from: 'open', to: 'live' },
      { from: 'live', to: 'ended' },
    ])
  })

  it('instances ending a session at once end it once', async () => {
    const instances = [opened.data, opened.another(), opened.another()]
    for (let round = 0; round < 5; round++) {
      const sessionId = await aSession(opened.data, groupId, 'live')
      const results = await Promise.all(
        instances.map((data) => changeStatus(data, sessionId, groupId, 'ended', lead, NOW)),
      )
      expect(results.filter((r) => r.changed)).toHaveLength(1)
      expect(results.filter((r) => !r.changed).every((r) => r.from === 'ended')).toBe(true)
    }
    expect(await actions()).toEqual(Array(5).fill('session.status-changed'))
    expect((await verifyAuditChain(opened.data)).ok).toBe(true)
  })

  it('a move raced by another is taken after it, not refused for the status it read', async () => {
    const sessionId = await aSession(opened.data, groupId, 'open')
    const [live, ended] = await Promise.all([
      changeStatus(opened.data, sessionId, groupId, 'live', lead, NOW),
      changeStatus(opened.another(), sessionId, groupId, 'ended', lead, NOW),
    ])
    // Either order is a valid history: open → live → ended, or open → ended (live refused).
    expect(ended.changed).toBe(true)
    if (live.changed) expect(ended.from).toBe('live')
    else expect(live.from).toBe('ended')
    expect((await sessionRow(opened.data, sessionId)).status).toBe('ended')
  })

  it('feeds a calendar the coming and recent sessions, not cancelled or old ones', async () => {
    const { data } = opened
    const at = async (startsAt: number, status: 'scheduled' | 'cancelled' = 'scheduled') => {
      const id = await aSession(data, groupId, status)
      await data.updateTable('sessions').set({ starts_at: startsAt }).where('id', '=', id).execute()
      return id
    }
    const later = await at(NOW + 7 * DAY)
    const soon = await at(NOW + DAY)
    await at(NOW + 2 * DAY, 'cancelled')
    await at(NOW - 31 * DAY)
    const recent = await at(NOW - 29 * DAY)
    const other = await aGroup(data)
    await aSession(data, other.groupId, 'scheduled')
    const feed = await calendarFeed(data, groupId, 'https://hearth.example', NOW)
    const uids = [...feed.matchAll(/UID:(\S+)@hearth/g)].map((m) => m[1])
    expect(uids).toEqual([recent, soon, later])
    expect(feed).toContain('SUMMARY:Hearth session\r\n')
    expect(feed.endsWith('END:VCALENDAR\r\n')).toBe(true)
  })
})
