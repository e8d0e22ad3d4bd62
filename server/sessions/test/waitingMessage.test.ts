import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sessionDocName } from '../../../shared/documents/docKinds.ts'
import { WAITING_STATE } from '../../../shared/sessions/roomState.ts'
import { connectProvider, eventually, type TestClient } from '../../test/connectProvider.ts'
import { facilitator, groupBody, member, scheduleSession } from '../../test/groupWorld.ts'
import { startTestServer, type TestServer } from '../../test/startTestServer.ts'

describe('a word to the waiting room', () => {
  let server: TestServer
  const clients: TestClient[] = []
  beforeEach(async () => {
    server = await startTestServer()
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server.close()
  })

  it('reaches those waiting and the facilitators, and is kept out of the trail', async () => {
    const lead = await facilitator(server, 'lead@x.example', 'Dr Lead')
    const groupId = (await lead.post('/api/groups', groupBody('G'))).json.id
    const robin = await member(server, lead, groupId, 'Robin')
    const sky = await member(server, lead, groupId, 'Sky')
    const sessionId = await scheduleSession(server, lead, groupId)
    expect(
      (await lead.post(`/api/sessions/${sessionId}/waiting-message`, { text: 'Soon' })).status,
    ).toBe(409)
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'open' })
    for (const m of [robin, sky]) await m.post(`/api/sessions/${sessionId}/join`)
    await lead.post(`/api/sessions/${sessionId}/admit`, { memberId: sky.id })
    const desk = connectProvider(server.wsUrl, sessionDocName.signals(groupId, sessionId), null, {
      cookie: lead.cookie!,
    })
    clients.push(desk)
    await desk.synced()

    const sent = await lead.post(`/api/sessions/${sessionId}/waiting-message`, {
      text: '  We start in 5 minutes.  ',
    })
    expect(sent.status).toBe(200)
    const expected = { text: 'We start in 5 minutes.', at: sent.json.message.at }
    expect((await robin.get(`/api/sessions/${sessionId}`)).json.waitingMessage).toEqual(expected)
    expect((await sky.get(`/api/sessions/${sessionId}`)).json.waitingMessage).toBeNull()
    await eventually(() => desk.doc.getMap(WAITING_STATE).get('message') != null, 'on the desk')
    expect(desk.doc.getMap(WAITING_STATE).get('message')).toEqual(expected)
    const trail = JSON.stringify(
      await (await server.services.data()).selectFrom('audit_log').selectAll().execute(),
    )
    expect(trail).toContain('session.waiting-message')
    expect(trail).not.toContain('5 minutes')

    // Members cannot post one; a message too long, or empty, is refused and changes nothing.
    expect(
      (await robin.post(`/api/sessions/${sessionId}/waiting-message`, { text: 'Hi' })).status,
    ).toBe(403)
    for (const text of ['', '   ', 'x'.repeat(201)])
      expect((await lead.post(`/api/sessions/${sessionId}/waiting-message`, { text })).status).toBe(
        400,
      )
    expect((await robin.get(`/api/sessions/${sessionId}`)).json.waitingMessage).toEqual(expected)
    await lead.post(`/api/sessions/${sessionId}/waiting-message`, { text: null })
    expect((await robin.get(`/api/sessions/${sessionId}`)).json.waitingMessage).toBeNull()
  })
})
