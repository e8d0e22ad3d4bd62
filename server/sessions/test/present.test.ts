import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sessionDocName } from '../../../shared/documents/docKinds.ts'
import { ROOM_STATE } from '../../../shared/sessions/roomState.ts'
import { connectProvider, eventually, type TestClient } from '../../test/connectProvider.ts'
import { facilitator, groupBody, member, scheduleSession } from '../../test/groupWorld.ts'
import { startTestServer, type TestServer } from '../../test/startTestServer.ts'

describe('bring everyone here', () => {
  let server: TestServer
  const clients: TestClient[] = []
  beforeEach(async () => {
    server = await startTestServer()
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server.close()
  })
  const open = (doc: string, who: { cookie: string | null }) => {
    const client = connectProvider(server.wsUrl, doc, null, { cookie: who.cookie! })
    clients.push(client)
    return client
  }
  const presentedIn = (client: TestClient) => client.doc.getMap(ROOM_STATE).get('presented')

  it('a facilitator brings the group to a worksheet; members only follow, even over a raw socket', async () => {
    const lead = await facilitator(server, 'lead@x.example', 'Dr Lead')
    const groupId = (await lead.post('/api/groups', groupBody('G'))).json.id
    const robin = await member(server, lead, groupId, 'Robin')
    const sessionId = await scheduleSession(server, lead, groupId)
    const other = await scheduleSession(server, lead, groupId, 'Week 2')
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'open' })
    await robin.post(`/api/sessions/${sessionId}/join`)
    await lead.post(`/api/sessions/${sessionId}/admit`, { all: true })
    const sheet = (
      await lead.post(`/api/sessions/${sessionId}/worksheets`, {
        templateId: 'thought-record',
        mode: 'shared',
      })
    ).json.id as string
    const elsewhere = (
      await lead.post(`/api/sessions/${other}/worksheets`, {
        templateId: 'thought-record',
        mode: 'shared',
      })
    ).json.id as string
    const room = sessionDocName.room(groupId, sessionId)
    const robinView = open(room, robin)
    await robinView.synced()
    expect(presentedIn(robinView) ?? null).toBeNull()

    const brought = await lead.post(`/api/sessions/${sessionId}/present`, { worksheetId: sheet })
    expect(brought.status).toBe(200)
    await eventually(
      () => presentedIn(robinView) !== null && presentedIn(robinView) !== undefined,
      'presented',
    )
    expect(presentedIn(robinView)).toEqual({
      kind: 'worksheet',
      id: sheet,
      at: brought.json.presented.at,
    })

    // A member cannot change it: not through the API, not by writing the room document.
    expect(
      (await robin.post(`/api/sessions/${sessionId}/present`, { worksheetId: null })).status,
    ).toBe(403)
    robinView.doc.getMap(ROOM_STATE).set('presented', null)
    await new Promise((r) => setTimeout(r, 200))
    const fresh = open(room, lead)
    await fresh.synced()
    expect(presentedIn(fresh)).toEqual(brought.json.presented)

    // Only a worksheet of this session; letting the group go clears it.
    expect(
      (await lead.post(`/api/sessions/${sessionId}/present`, { worksheetId: elsewhere })).status,
    ).toBe(404)
    expect((await lead.post(`/api/sessions/${sessionId}/present`, { worksheetId: 7 })).status).toBe(
      400,
    )
    expect(
      (await lead.post(`/api/sessions/${sessionId}/present`, { worksheetId: null })).status,
    ).toBe(200)
    await eventually(() => presentedIn(fresh) === null, 'let go')
    // Once the session has ended, there is no one to bring.
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'ended' })
    expect(
      (await lead.post(`/api/sessions/${sessionId}/present`, { worksheetId: sheet })).status,
    ).toBe(409)
  })
})
