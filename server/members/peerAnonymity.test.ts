import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { addGoal } from '../../shared/goals/goals.ts'
import { goalsDocName } from '../../shared/goals/goalsDocNames.ts'
import { connectProvider, eventually, type TestClient } from '../test/connectProvider.ts'
import { facilitator, groupBody, member, PASSPHRASE, scheduleSession } from '../test/groupWorld.ts'
import { HttpClient } from '../test/httpClient.ts'
import { startTestServer, type TestServer } from '../test/startTestServer.ts'

/** An HttpClient that keeps every response it receives, headers and body, as text. */
class RecordingClient extends HttpClient {
  received: string[] = []
  override async request(method: string, path: string, body?: unknown) {
    const res = await super.request(method, path, body)
    this.received.push(JSON.stringify([...res.headers]), res.text)
    return res
  }
}

describe('peer anonymity at the byte level', () => {
  let server: TestServer
  const clients: TestClient[] = []
  beforeEach(async () => {
    server = await startTestServer()
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server.close()
  })

  it("[C1] everything a member receives in a session holds no one's internal id, passphrase material or email", async () => {
    const lead = await facilitator(server, 'dr.lead@clinic.example', 'Dr Lead')
    const groupId = (await lead.post('/api/groups', groupBody('Grief group'))).json.id as string
    const robin = await member(server, lead, groupId, 'Robin')
    const sessionId = await scheduleSession(server, lead, groupId)
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'open' })

    // Sky joins through the whole flow with a recording client.
    const invitation = await lead.post(`/api/groups/${groupId}/invitations`, {
      maxUses: 1,
      expiresInHours: 1,
    })
    const token = (invitation.json.url as string).split('#')[1]!
    const sky = new RecordingClient(server.url)
    await sky.get(`/api/invitations/${token}`)
    await sky.post(`/api/invitations/${token}/accept`, {
      pseudonym: 'Sky',
      passphrase: PASSPHRASE,
      agreementVersion: 1,
    })
    await sky.get('/api/me')
    await sky.get('/api/member/home')
    await sky.post(`/api/sessions/${sessionId}/join`)
    await robin.post(`/api/sessions/${sessionId}/join`)
    await lead.post(`/api/sessions/${sessionId}/admit`, { all: true })
    await sky.get(`/api/sessions/${sessionId}`)
    await sky.get(`/api/sessions/${sessionId}/people`)

    // In the room: every frame Sky's socket receives, while Robin and the lead are present.
    const room = sessionDocName.room(groupId, sessionId)
    const frames: Buffer[] = []
    const Recording = class extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie: sky.cookie! } })
        this.on('message', (data: Buffer) => frames.push(Buffer.from(data)))
      }
    }
    const { WebsocketProvider } = await import('y-websocket')
    const Y = await import('yjs')
    const skyDoc = new Y.Doc()
    const skyProvider = new WebsocketProvider(server.wsUrl, room, skyDoc, {
      WebSocketPolyfill: Recording as never,
      protocols: ['hearth'],
      disableBc: true,
    })
    const robinView = connectProvider(server.wsUrl, room, null, { cookie: robin.cookie! })
    const leadView = connectProvider(server.wsUrl, room, null, { cookie: lead.cookie! })
    clients.push(robinView, leadView)
    robinView.provider.awareness.setLocalStateField('cursor', { anchor: 3 })
    leadView.provider.awareness.setLocalStateField('cursor', { anchor: 5 })
    const others = () =>
      [...skyProvider.awareness.getStates()]
        .filter(([id]) => id !== skyDoc.clientID)
        .map(([, s]) => s.user?.name)
    await eventually(() => others().filter(Boolean).length === 2, 'everyone present')
    expect(others().sort()).toEqual(['Dr Lead', 'Robin'])
    await sky.get(`/api/sessions/${sessionId}/people`)
    skyProvider.destroy()

    // Every sharing path: Robin's private sheet shared whole with the group, and one answer.
    // Sky lists the worksheets and opens both as a member would.
    const worksheet = (
      await lead.post(`/api/sessions/${sessionId}/worksheets`, {
        templateId: 'thought-record',
        mode: 'private',
      })
    ).json.id as string
    await robin.get(`/api/sessions/${sessionId}/worksheets`)
    await robin.post(`/api/worksheets/${worksheet}/share`, { audience: 'group', shared: true })
    await robin.post(`/api/worksheets/${worksheet}/share`, {
      audience: 'group',
      shared: true,
      fieldId: 'situation',
    })
    const listed = (await sky.get(`/api/sessions/${sessionId}/worksheets`)).json.worksheets
    const sheet = listed.find((w: { id: string }) => w.id === worksheet)
    expect(sheet.sharedWithYou).toHaveLength(1)
    // Sky's own private line, after Sky and Robin each sent a silent signal and the lead saw
    // Robin's: it carries Sky's signal only, under an opaque name.
    await sky.post(`/api/sessions/${sessionId}/signal`, { kind: 'need-a-moment' })
    const robinSignal = (await robin.post(`/api/sessions/${sessionId}/signal`, { kind: 'not-ok' }))
      .json.id as string
    await lead.post(`/api/sessions/${sessionId}/signals/${robinSignal}/seen`)
    // Between sessions: the library, search over it, reminders.
    await sky.get('/api/member/library')
    await sky.get('/api/member/search?q=thought')
    await sky.get('/api/member/reminders')
    const skyLine = (await sky.get(`/api/sessions/${sessionId}`)).json.documents.line as string
    // Slides: a deck brought into the session, as members read it (and its list).
    const deckId = (await lead.post('/api/decks', { title: 'Sleep' })).json.id as string
    const handout = (await lead.post(`/api/sessions/${sessionId}/handouts`, { deckId })).json
      .document as string
    await sky.get(`/api/sessions/${sessionId}/handouts`)
    // Goals: the group's (the lead recorded one) and Sky's own, opened by an opaque key, while
    // Robin's own are shared with the facilitators.
    const leadGoals = connectProvider(server.wsUrl, goalsDocName.group(groupId), null, {
      cookie: lead.cookie!,
    })
    clients.push(leadGoals)
    await leadGoals.synced()
    addGoal(leadGoals.doc, 'g1', 'Notice one kind thing a day')
    await leadGoals.saved()
    await robin.get(`/api/groups/${groupId}/goals`)
    await robin.post('/api/member/goals/share', { shared: true })
    const goals = (await sky.get(`/api/groups/${groupId}/goals`)).json
    await sky.post('/api/member/goals/share', { shared: false })
    for (const name of [
      sheet.sharedWithYou[0].document,
      sheet.answers,
      sheet.document,
      skyLine,
      handout,
      goals.group.document,
      goals.own.document,
    ]) {
      const doc = new Y.Doc()
      const provider = new WebsocketProvider(server.wsUrl, name, doc, {
        WebSocketPolyfill: Recording as never,
        protocols: ['hearth'],
        disableBc: true,
      })
      await eventually(() => provider.synced, `synced ${name}`)
      provider.destroy()
    }

    const { id: skyId } = await (
      await server.services.data()
    )
      .selectFrom('members')
      .select('id')
      .where('pseudonym', '=', 'Sky')
      .executeTakeFirstOrThrow()
    const everything = [...sky.received, ...frames.map((f) => f.toString('latin1'))].join('\n')
    expect(sky.received.length).toBeGreaterThan(10)
    expect(frames.map((f) => f.toString('latin1')).join('')).toContain('Robin')
    expect(everything).toContain('Robin') // the test sees what peers do see
    // Robin's signal, and that the lead saw it, reached nothing of Sky's.
    expect(everything).toContain('need-a-moment') // Sky's own line was read
    expect(everything).toContain('Notice one kind thing a day') // the group's goals were read
    expect(everything).not.toContain(robinSignal)
    expect(everything).not.toContain('not-ok')
    for (const secret of [
      robin.id,
      skyId,
      lead.id,
      'dr.lead@clinic.example',
      PASSPHRASE,
      'scrypt$',
      'passphrase_hash',
      'pseudonym_key',
    ]) {
      expect(everything, `leaked ${secret}`).not.toContain(secret)
    }
  })
})
