import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { facilitator, groupBody, member, scheduleSession } from '../../test/groupWorld.ts'
import { HttpClient } from '../../test/httpClient.ts'
import { startTestServer, type TestServer } from '../../test/startTestServer.ts'

describe('scheduling and the calendar feed', () => {
  let server: TestServer
  beforeEach(async () => {
    server = await startTestServer({}, { now: () => Date.parse('2026-10-01T00:00:00Z') })
  })
  afterEach(async () => {
    await server.close()
  })

  it('a weekly series keeps its local time across daylight saving, and the feed lists it neutrally', async () => {
    const lead = await facilitator(server, 'lead@x.example')
    const groupId = (await lead.post('/api/groups', groupBody('Grief and loss'))).json.id
    const created = await lead.post(`/api/groups/${groupId}/sessions`, {
      title: 'Grief circle',
      startsAtLocal: '2026-10-20T19:00',
      timeZone: 'America/New_York',
      durationMinutes: 90,
      weeklyOccurrences: 4,
    })
    expect(created.status).toBe(201)
    const { sessions } = (await lead.get(`/api/groups/${groupId}/sessions`)).json
    expect(sessions.map((s: { startsAt: number }) => new Date(s.startsAt).toISOString())).toEqual([
      '2026-10-20T23:00:00.000Z',
      '2026-10-27T23:00:00.000Z',
      '2026-11-04T00:00:00.000Z', // after the clocks go back, still 19:00 in New York
      '2026-11-11T00:00:00.000Z',
    ])

    const robin = await member(server, lead, groupId, 'Robin')
    const { url } = (await robin.post('/api/member/calendar')).json
    const feed = await new HttpClient(server.url).get(new URL(url).pathname)
    expect(feed.status).toBe(200)
    expect(feed.headers.get('content-type')).toMatch(/text\/calendar/)
    expect(feed.text.match(/BEGIN:VEVENT/g)).toHaveLength(4)
    expect(feed.text).toContain('DTSTART:20261104T000000Z')
    expect(feed.text).toContain('SUMMARY:Hearth session')
    // A calendar is often shared or synced to work devices: no group name, theme or title.
    expect(feed.text).not.toMatch(/Grief|Anxiety|Robin/)

    // A new link replaces the old one; a removed member's feed stops.
    const second = (await robin.post('/api/member/calendar')).json.url
    expect((await new HttpClient(server.url).get(new URL(url).pathname)).status).toBe(404)
    await lead.post(`/api/groups/${groupId}/members/${robin.id}/remove`)
    expect((await new HttpClient(server.url).get(new URL(second).pathname)).status).toBe(404)
  })

  it('refuses an unknown time zone and impossible status changes with clear errors', async () => {
    const lead = await facilitator(server, 'lead@x.example')
    const groupId = (await lead.post('/api/groups', groupBody('G'))).json.id
    const bad = await lead.post(`/api/groups/${groupId}/sessions`, {
      title: 'X',
      startsAtLocal: '2026-10-20T19:00',
      timeZone: 'Mars/Olympus',
      durationMinutes: 60,
    })
    expect(bad.status).toBe(400)
    const id = (
      await lead.post(`/api/groups/${groupId}/sessions`, {
        title: 'X',
        startsAtLocal: '2026-10-20T19:00',
        timeZone: 'UTC',
        durationMinutes: 60,
      })
    ).json.ids[0]
    const skip = await lead.post(`/api/sessions/${id}/status`, { status: 'live' })
    expect(skip.status).toBe(409)
    expect(skip.json.error).toMatch(/scheduled session cannot become live/)
    for (const status of ['open', 'live', 'ended'])
      expect((await lead.post(`/api/sessions/${id}/status`, { status })).status).toBe(200)
    expect((await lead.post(`/api/sessions/${id}/status`, { status: 'open' })).status).toBe(409)
  })

  it('after a session ends, nobody is admitted, sent back or removed from it', async () => {
    const lead = await facilitator(server, 'lead@x.example')
    const groupId = (await lead.post('/api/groups', groupBody('G'))).json.id
    const robin = await member(server, lead, groupId, 'Robin')
    const sky = await member(server, lead, groupId, 'Sky')
    const id = await scheduleSession(server, lead, groupId)
    await lead.post(`/api/sessions/${id}/status`, { status: 'open' })
    for (const m of [robin, sky]) await m.post(`/api/sessions/${id}/join`)
    await lead.post(`/api/sessions/${id}/admit`, { memberId: robin.id })
    await lead.post(`/api/sessions/${id}/status`, { status: 'ended' })
    const states = async () =>
      (await server.services.data())
        .selectFrom('session_attendance')
        .select(['member_id', 'state'])
        .where('session_id', '=', id)
        .orderBy('member_id')
        .execute()
    const before = await states()
    for (const [path, body] of [
      ['admit', { memberId: sky.id }],
      ['admit', { all: true }],
      ['return', { memberId: robin.id }],
      ['remove', { memberId: robin.id }],
    ] as const) {
      const answer = await lead.post(`/api/sessions/${id}/${path}`, body)
      expect(answer.status, path).toBe(409)
      expect(answer.json.error).toBe('This session has ended.')
    }
    expect(await states()).toEqual(before)
  })
})
