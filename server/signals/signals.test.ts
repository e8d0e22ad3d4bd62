import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { LINE_SIGNALS, SIGNALS_LIST, SIGNALS_SEEN } from '../../shared/signals/signalDocs.ts'
import { connectProvider, eventually, type TestClient } from '../test/connectProvider.ts'
import { facilitator, groupBody, member, scheduleSession } from '../test/groupWorld.ts'
import type { HttpClient } from '../test/httpClient.ts'
import { openRawSocket } from '../test/rawSocket.ts'
import { startTestServer, type TestServer } from '../test/startTestServer.ts'

describe('silent signals: seen once for every facilitator, and the member is told privately', () => {
  let server: TestServer
  const clients: TestClient[] = []
  let lead: Awaited<ReturnType<typeof facilitator>>
  let co: Awaited<ReturnType<typeof facilitator>>
  let robin: Awaited<ReturnType<typeof member>>
  let sky: Awaited<ReturnType<typeof member>>
  let groupId: string
  let sessionId: string
  const open = (doc: string, who: { cookie: string | null }) => {
    const client = connectProvider(server.wsUrl, doc, null, { cookie: who.cookie! })
    clients.push(client)
    return client
  }
  const lineOf = async (who: HttpClient) =>
    (await who.get(`/api/sessions/${sessionId}`)).json.documents.line as string

  beforeEach(async () => {
    server = await startTestServer()
    lead = await facilitator(server, 'lead@x.example', 'Dr Lead')
    co = await facilitator(server, 'co@x.example', 'Dr Co')
    groupId = (await lead.post('/api/groups', groupBody('G'))).json.id
    await lead.post(`/api/groups/${groupId}/facilitators`, { email: 'co@x.example', role: 'co' })
    robin = await member(server, lead, groupId, 'Robin')
    sky = await member(server, lead, groupId, 'Sky')
    sessionId = await scheduleSession(server, lead, groupId, 'W1')
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'open' })
    for (const m of [robin, sky]) await m.post(`/api/sessions/${sessionId}/join`)
    await lead.post(`/api/sessions/${sessionId}/admit`, { all: true })
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server.close()
  })

  it('a signal seen by the co-facilitator is seen for the lead too, and Robin learns it on their line', async () => {
    const signals = sessionDocName.signals(groupId, sessionId)
    const robinLine = await lineOf(robin)
    // The line's name is an opaque key: it names no member.
    expect(robinLine).toMatch(/\/line\/l[a-z2-7]{20}$/)
    expect(robinLine).not.toContain(robin.id)
    expect(await lineOf(sky)).not.toBe(robinLine)
    const leadView = open(signals, lead)
    const robinView = open(robinLine, robin)
    await Promise.all([leadView.synced(), robinView.synced()])

    const sent = await robin.post(`/api/sessions/${sessionId}/signal`, { kind: 'not-ok' })
    expect(sent.status).toBe(201)
    expect(sent.json.line).toBe(robinLine)
    const id = sent.json.id as string
    await eventually(() => leadView.doc.getArray(SIGNALS_LIST).length === 1, 'signal at the lead')
    expect(leadView.doc.getArray(SIGNALS_LIST).get(0)).toMatchObject({ id, kind: 'not-ok' })
    await eventually(() => robinView.doc.getMap(LINE_SIGNALS).has(id), 'signal on the line')
    expect(robinView.doc.getMap(LINE_SIGNALS).get(id)).toMatchObject({ seenAt: null })

    const seen = await co.post(`/api/sessions/${sessionId}/signals/${id}/seen`)
    expect(seen.status).toBe(200)
    await eventually(() => leadView.doc.getMap(SIGNALS_SEEN).has(id), 'seen at the lead')
    expect(leadView.doc.getMap(SIGNALS_SEEN).get(id)).toEqual({ at: seen.json.seenAt, by: 'Dr Co' })
    await eventually(
      () => (robinView.doc.getMap(LINE_SIGNALS).get(id) as { seenAt: number }).seenAt !== null,
      'seen on the line',
    )
    // Marked once: the lead pressing it later changes nothing.
    const again = await lead.post(`/api/sessions/${sessionId}/signals/${id}/seen`)
    expect(again.json.seenAt).toBe(seen.json.seenAt)
    expect(leadView.doc.getMap(SIGNALS_SEEN).get(id)).toMatchObject({ by: 'Dr Co' })

    // After a reload (a fresh client), it is still seen.
    const reloaded = open(signals, co)
    await reloaded.synced()
    expect(reloaded.doc.getMap(SIGNALS_SEEN).has(id)).toBe(true)
  })

  it("a peer cannot open another member's line, and nobody writes one", async () => {
    const robinLine = await lineOf(robin)
    await robin.post(`/api/sessions/${sessionId}/signal`, { kind: 'need-a-moment' })
    await expect(
      openRawSocket(server.wsUrl, robinLine, null, { cookie: sky.cookie! }),
    ).rejects.toThrow('HTTP 403')
    // Robin reads it read-only: an edit sent over the socket is refused and stored nowhere.
    const robinView = open(robinLine, robin)
    await robinView.synced()
    const before = JSON.stringify(robinView.doc.getMap(LINE_SIGNALS).toJSON())
    robinView.doc.getMap(LINE_SIGNALS).set('forged', { seenAt: 1 })
    await new Promise((r) => setTimeout(r, 200))
    const fresh = open(robinLine, lead)
    await fresh.synced()
    expect(JSON.stringify(fresh.doc.getMap(LINE_SIGNALS).toJSON())).toBe(before)
  })

  it('refuses to mark seen a signal of another session, or for someone who does not run the group', async () => {
    const { id } = (await robin.post(`/api/sessions/${sessionId}/signal`, { kind: 'not-ok' })).json
    const other = await facilitator(server, 'other@x.example', 'Dr Other')
    const otherGroup = (await other.post('/api/groups', groupBody('H'))).json.id
    const otherSession = await scheduleSession(server, other, otherGroup, 'H1')
    expect((await other.post(`/api/sessions/${sessionId}/signals/${id}/seen`)).status).toBe(403)
    expect((await other.post(`/api/sessions/${otherSession}/signals/${id}/seen`)).status).toBe(404)
    expect((await sky.post(`/api/sessions/${sessionId}/signals/${id}/seen`)).status).toBe(403)
    const row = await (
      await server.services.data()
    )
      .selectFrom('silent_signals')
      .select('seen_at')
      .where('id', '=', id)
      .executeTakeFirst()
    expect(row).toEqual({ seen_at: null })
  })

  it('a facilitator keeps the signal sound setting on the server', async () => {
    expect((await lead.get('/api/me')).json.preferences).toEqual({ signalSound: false })
    expect((await lead.put('/api/me/preferences', { signalSound: true })).status).toBe(200)
    expect((await lead.get('/api/me')).json.preferences).toEqual({ signalSound: true })
    expect((await co.get('/api/me')).json.preferences).toEqual({ signalSound: false })
    expect((await lead.put('/api/me/preferences', { signalSound: 'yes' })).status).toBe(400)
    expect((await robin.put('/api/me/preferences', { signalSound: true })).status).toBe(403)
  })
})
