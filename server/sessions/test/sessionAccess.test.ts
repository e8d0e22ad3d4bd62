import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sessionDocName } from '../../../shared/documents/docKinds.ts'
import { CloseCode } from '../../../shared/sync/closeCodes.ts'
import { verifyAuditChain } from '../../audit/audit.ts'
import { connectProvider, eventually, type TestClient } from '../../test/connectProvider.ts'
import { facilitator, groupBody, member } from '../../test/groupWorld.ts'
import { HttpClient } from '../../test/httpClient.ts'
import { openRawSocket } from '../../test/rawSocket.ts'
import { startTestServer, type TestServer } from '../../test/startTestServer.ts'

describe('sessions: admission, removal, presence and logoff over real sockets', () => {
  let server: TestServer
  let now = Date.parse('2026-12-01T17:00:00Z')
  const clients: TestClient[] = []
  let lead: Awaited<ReturnType<typeof facilitator>>
  let robin: Awaited<ReturnType<typeof member>>
  let groupId: string
  let sessionId: string
  let room: string

  beforeEach(async () => {
    server = await startTestServer(
      { HEARTH_MEMBER_IDLE_MINUTES: '60', HEARTH_LOGIN_MAX_HOURS: '12' },
      { now: () => now },
    )
    lead = await facilitator(server, 'lead@x.example', 'Dr Lead')
    groupId = (await lead.post('/api/groups', groupBody('G'))).json.id
    robin = await member(server, lead, groupId, 'Robin')
    sessionId = (
      await lead.post(`/api/groups/${groupId}/sessions`, {
        title: 'Week 1',
        startsAtLocal: '2026-12-01T18:00',
        timeZone: 'Europe/Berlin',
        durationMinutes: 90,
      })
    ).json.ids[0]
    room = sessionDocName.room(groupId, sessionId)
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server.close()
  })

  it('[C3] nothing before admission: 403 at the socket, then in once admitted', async () => {
    expect((await robin.post(`/api/sessions/${sessionId}/join`)).status).toBe(409) // not open yet
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'open' })
    expect((await robin.post(`/api/sessions/${sessionId}/join`)).json.state).toBe('waiting')
    await expect(
      openRawSocket(server.wsUrl, room, null, { cookie: robin.cookie! }),
    ).rejects.toThrow('HTTP 403')
    expect((await robin.get(`/api/sessions/${sessionId}/people`)).status).toBe(403)
    expect((await robin.get(`/api/sessions/${sessionId}`)).json.documents).toBeNull()
    await lead.post(`/api/sessions/${sessionId}/admit`, { memberId: robin.id })
    const socket = await openRawSocket(server.wsUrl, room, null, { cookie: robin.cookie! })
    socket.ws.close()
    expect((await robin.get(`/api/sessions/${sessionId}`)).json.documents.room).toBe(room)
  })

  it('[C4] removal closes the open socket within a second and ends HTTP access', async () => {
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'open' })
    await robin.post(`/api/sessions/${sessionId}/join`)
    await lead.post(`/api/sessions/${sessionId}/admit`, { memberId: robin.id })
    const socket = await openRawSocket(server.wsUrl, room, null, { cookie: robin.cookie! })
    const removedAt = Date.now()
    expect((await lead.post(`/api/groups/${groupId}/members/${robin.id}/remove`)).status).toBe(200)
    const code = await socket.closed
    expect(Date.now() - removedAt).toBeLessThan(1000)
    expect([CloseCode.unauthenticated, CloseCode.forbidden]).toContain(code)
    expect((await robin.get('/api/member/home')).status).toBe(401)
    await expect(
      openRawSocket(server.wsUrl, room, null, { cookie: robin.cookie! }),
    ).rejects.toThrow('HTTP 401')
  })

  it('[C4] sending a member back to the waiting room closes their session sockets', async () => {
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'open' })
    await robin.post(`/api/sessions/${sessionId}/join`)
    await lead.post(`/api/sessions/${sessionId}/admit`, { memberId: robin.id })
    const socket = await openRawSocket(server.wsUrl, room, null, { cookie: robin.cookie! })
    await lead.post(`/api/sessions/${sessionId}/return`, { memberId: robin.id })
    expect(await socket.closed).toBe(CloseCode.forbidden)
  })

  it('[C9] a member claiming to be the facilitator shows up under their own pseudonym', async () => {
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'open' })
    await robin.post(`/api/sessions/${sessionId}/join`)
    await lead.post(`/api/sessions/${sessionId}/admit`, { memberId: robin.id })
    const leadView = connectProvider(server.wsUrl, room, null, { cookie: lead.cookie! })
    const robinView = connectProvider(server.wsUrl, room, null, { cookie: robin.cookie! })
    clients.push(leadView, robinView)
    await Promise.all([leadView.synced(), robinView.synced()])
    robinView.provider.awareness.setLocalState({
      user: { name: 'Dr Lead', colour: '#000000', role: 'facilitator' },
      typing: true,
    })
    await eventually(
      () => leadView.provider.awareness.getStates().has(robinView.doc.clientID),
      'presence',
    )
    const seen = leadView.provider.awareness.getStates().get(robinView.doc.clientID)!
    expect(seen.user).toEqual({
      name: 'Robin',
      colour: expect.stringMatching(/^#/),
      color: expect.stringMatching(/^#/),
      role: 'member',
    })
    expect(seen.typing).toBe(true)
  })

  it('[C16] after the idle limit: HTTP 401 and the socket closes (fake clock)', async () => {
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'open' })
    await robin.post(`/api/sessions/${sessionId}/join`)
    await lead.post(`/api/sessions/${sessionId}/admit`, { memberId: robin.id })
    const socket = await openRawSocket(server.wsUrl, room, null, { cookie: robin.cookie! })
    // An open socket is activity: the sweep keeps the login alive while it is open.
    now += 59 * 60_000
    await server.sweepLogins()
    expect((await robin.get('/api/member/home')).status).toBe(200)
    socket.ws.close()
    await eventually(
      () => server.sync.openRooms === 0 || ![...server.sync.connections()].length,
      'socket gone',
    )
    now += 61 * 60_000
    await server.sweepLogins()
    expect((await robin.get('/api/member/home')).status).toBe(401)
  })

  it('[C16] at the absolute limit the open socket closes with "unauthenticated"', async () => {
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'open' })
    const socket = await openRawSocket(server.wsUrl, room, null, { cookie: lead.cookie! })
    now += 12 * 3_600_000
    await server.sweepLogins()
    expect(await socket.closed).toBe(CloseCode.unauthenticated)
    expect((await lead.get('/api/groups')).status).toBe(401)
  })

  it('[C5] a member calling a moderation action gets 403 and nothing happens', async () => {
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'open' })
    await robin.post(`/api/sessions/${sessionId}/join`)
    for (const [path, body] of [
      [`/api/sessions/${sessionId}/admit`, { memberId: robin.id }],
      [`/api/sessions/${sessionId}/lock`, { locked: true }],
      [`/api/sessions/${sessionId}/status`, { status: 'ended' }],
      [`/api/groups/${groupId}/members/${robin.id}/remove`, {}],
    ] as const) {
      expect((await robin.post(path, body)).status).toBe(403)
    }
    const state = (await lead.get(`/api/sessions/${sessionId}/waiting-room`)).json
    expect(state.people[0].state).toBe('waiting')
    expect(state.session).toMatchObject({ status: 'open', locked: false })
  })

  it('a locked session turns new arrivals away; auto-admit lets them straight in', async () => {
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'open' })
    await lead.post(`/api/sessions/${sessionId}/lock`, { locked: true })
    expect((await robin.post(`/api/sessions/${sessionId}/join`)).status).toBe(423)
    await lead.post(`/api/sessions/${sessionId}/lock`, { locked: false })
    await lead.patch(`/api/groups/${groupId}`, { autoAdmit: true })
    expect((await robin.post(`/api/sessions/${sessionId}/join`)).json.state).toBe('admitted')
  })

  it('[C14] a cross-site state-changing request is refused', async () => {
    const evil = new HttpClient(server.url, 'https://evil.example')
    evil.cookie = lead.cookie
    const res = await evil.post(`/api/groups/${groupId}/invitations`, {
      maxUses: 1,
      expiresInHours: 1,
    })
    expect(res.status).toBe(403)
    const form = await fetch(`${server.url}/api/groups/${groupId}/invitations`, {
      method: 'POST',
      headers: { cookie: lead.cookie!, 'content-type': 'text/plain' },
      body: JSON.stringify({ maxUses: 1, expiresInHours: 1 }),
    })
    expect(form.status).toBe(415)
    const invitations = await (
      await server.services.data()
    )
      .selectFrom('invitations')
      .select('id')
      .execute()
    expect(invitations).toHaveLength(1)
  })

  it('[C17] the trail records the session and stays verifiable, without content', async () => {
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'open' })
    await robin.post(`/api/sessions/${sessionId}/join`)
    await lead.post(`/api/sessions/${sessionId}/admit`, { memberId: robin.id })
    const socket = await openRawSocket(server.wsUrl, room, null, { cookie: robin.cookie! })
    socket.ws.close()
    const trail = await lead.get(`/api/groups/${groupId}/audit`)
    expect(trail.json.chainVerified).toBe(true)
    const actions = (trail.json.entries as { action: string }[]).map((e) => e.action)
    expect(actions).toEqual(
      expect.arrayContaining([
        'group.created',
        'member.joined',
        'session.arrived',
        'session.admitted',
        'document.opened',
      ]),
    )
    expect(JSON.stringify(trail.json)).not.toMatch(/Robin|What is said|Anxiety/)
    expect((await verifyAuditChain(await server.services.data())).ok).toBe(true)
  })
})
