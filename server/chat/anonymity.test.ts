import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CHAT_MESSAGES, type ChatMessage } from '../../shared/chat/chatDoc.ts'
import { SIGNALS_AUTHORS } from '../../shared/signals/signalDocs.ts'
import { eventually } from '../test/connectProvider.ts'
import { countRows } from '../test/countRows.ts'
import { serverPerTest } from '../test/roomWorld.ts'
import type { TestServer } from '../test/startTestServer.ts'
import { chatSession, expectNoneOf, sniff } from './test/chatWorld.ts'

const WORDS = 'I have not told anyone how lonely this week was'

/** Everything that would tie a message to Robin: ids, name, colour, line, login. */
async function robinsTraces(
  server: TestServer,
  robin: { id: string; cookie: string | null },
  line: string,
) {
  const records = await server.services.data()
  const { colour, pseudonym_key } = await records
    .selectFrom('members')
    .select(['colour', 'pseudonym_key'])
    .where('id', '=', robin.id)
    .executeTakeFirstOrThrow()
  return [
    robin.id,
    'Robin',
    'robin',
    colour,
    pseudonym_key,
    line.split('/').pop()!,
    robin.cookie!.split('=')[1]!.slice(0, 24),
  ]
}

const messagesOf = (doc: Y.Doc) => [...doc.getMap<ChatMessage>(CHAT_MESSAGES).values()]

describe('anonymous chat: nothing a peer receives links a message to its writer', () => {
  const world = serverPerTest()

  it('a fully anonymous group: peers and facilitators get the words, never the writer', async () => {
    const { server } = world
    const s = await chatSession(server, ['Robin', 'Sky'])
    const [robin, sky] = s.members as [(typeof s.members)[0], (typeof s.members)[0]]
    const robinLine = await s.lineOf(robin)
    // Sky's socket on the chat, byte for byte; Robin is on it too (their presence must not be).
    const skyWire = await sniff(server, s.chat, sky)
    const leadWire = await sniff(server, s.chat, s.lead)
    const leadSignals = await world.open(s.signals, s.lead)
    const robinView = await world.open(s.chat, robin)
    robinView.provider.awareness.setLocalStateField('user', { name: 'Robin' })
    robinView.provider.awareness.setLocalStateField('typing', true)

    expect(
      (await robin.post(`/api/sessions/${s.sessionId}/chat/typing`, { typing: true })).status,
    ).toBe(200)
    const posted = await s.post(robin, WORDS)
    expect(posted.status).toBe(201)
    await eventually(() => skyWire.bytes().includes(Buffer.from(WORDS)), 'the words at Sky')
    await eventually(() => leadWire.bytes().includes(Buffer.from(WORDS)), 'the words at the lead')
    // Who typed was told as a count, never a name.
    expect(skyWire.bytes().toString('latin1')).toContain('"others":1')

    const traces = await robinsTraces(server, robin, robinLine)
    expectNoneOf(skyWire.bytes(), traces)
    expectNoneOf(leadWire.bytes(), traces)
    const [message] = messagesOf(robinView.doc)
    expect(message!.author).toEqual({ kind: 'anonymous' })
    // What Sky can fetch over HTTP says no more.
    for (const path of [
      `/api/sessions/${s.sessionId}/chat/older?before=999`,
      `/api/sessions/${s.sessionId}`,
      `/api/sessions/${s.sessionId}/people`,
    ]) {
      const response = await sky.get(path)
      expectNoneOf(response.text.replace(/"Robin"/g, '"x"'), [
        robin.id,
        robinLine.split('/').pop()!,
      ])
    }
    expect((await sky.get(`/api/sessions/${s.sessionId}/chat/older?before=999`)).text).toContain(
      WORDS,
    )
    // Not even the facilitators' own document learns who it was; the server kept no link.
    expect(leadSignals.doc.getMap(SIGNALS_AUTHORS).size).toBe(0)
    const records = await server.services.data()
    const stored = await records
      .selectFrom('chat_messages')
      .select(['member_id', 'author'])
      .execute()
    expect(stored).toEqual([{ member_id: null, author: '{"kind":"anonymous"}' }])
    skyWire.close()
    leadWire.close()
  })

  it('where the policy lets facilitators see authors, only the facilitators learn it', async () => {
    const { server } = world
    const s = await chatSession(server, ['Robin', 'Sky'], { facilitatorsSeeAuthors: true })
    const [robin, sky] = s.members as [(typeof s.members)[0], (typeof s.members)[0]]
    const skyWire = await sniff(server, s.chat, sky)
    const leadSignals = await world.open(s.signals, s.lead)
    const posted = await s.post(robin, WORDS)
    expect(posted.status).toBe(201)
    await eventually(
      () => leadSignals.doc.getMap(SIGNALS_AUTHORS).has(posted.json.id),
      'the author at the lead',
    )
    expect(leadSignals.doc.getMap(SIGNALS_AUTHORS).get(posted.json.id)).toMatchObject({
      name: 'Robin',
    })
    await eventually(() => skyWire.bytes().includes(Buffer.from(WORDS)), 'the words at Sky')
    expectNoneOf(skyWire.bytes(), await robinsTraces(server, robin, await s.lineOf(robin)))
    // The members cannot open the facilitators' document that holds the link.
    expect(
      await sniff(server, s.signals, sky).then(
        () => 'opened',
        (e: Error) => e.message,
      ),
    ).toBe('HTTP 403')
    skyWire.close()
  })

  it('a group without anonymous chat shows the pseudonym; facilitators show their name', async () => {
    const { server } = world
    const s = await chatSession(server, ['Robin'], { anonymousChat: false })
    const [robin] = s.members as [(typeof s.members)[0]]
    const view = await world.open(s.chat, robin)
    await s.post(robin, 'Hello everyone')
    await s.post(s.lead, 'Welcome, all')
    await eventually(() => messagesOf(view.doc).length === 2, 'two messages')
    const authors = messagesOf(view.doc)
      .sort((a, b) => a.seq - b.seq)
      .map((m) => m.author)
    expect(authors[0]).toMatchObject({ kind: 'member', name: 'Robin' })
    expect(authors[1]).toEqual({ kind: 'facilitator', name: 'Dr Lead' })
  })

  it('in an anonymous group a member may sign one message; the others stay anonymous', async () => {
    const { server } = world
    const s = await chatSession(server, ['Robin'])
    const [robin] = s.members as [(typeof s.members)[0]]
    const view = await world.open(s.chat, robin)
    await robin.post(`/api/sessions/${s.sessionId}/chat`, { text: 'This is Robin', named: true })
    await s.post(robin, 'and this is nobody')
    await eventually(() => messagesOf(view.doc).length === 2, 'two messages')
    const authors = messagesOf(view.doc)
      .sort((a, b) => a.seq - b.seq)
      .map((m) => m.author.kind)
    expect(authors).toEqual(['member', 'anonymous'])
    const records = await server.services.data()
    const links = await records
      .selectFrom('chat_messages')
      .select('member_id')
      .orderBy('seq')
      .execute()
    expect(links).toEqual([{ member_id: robin.id }, { member_id: null }])
  })

  it('a raw-socket write to the chat is refused and changes nothing', async () => {
    const { server } = world
    const s = await chatSession(server, ['Robin'])
    const [robin] = s.members as [(typeof s.members)[0]]
    await s.post(robin, 'First')
    const forged = new Y.Doc()
    forged.getMap(CHAT_MESSAGES).set('forged', { text: 'forged by hand' })
    for (const who of [robin, s.lead]) {
      const view = await world.open(s.chat, who)
      Y.applyUpdate(view.doc, Y.encodeStateAsUpdate(forged))
      await new Promise((resolve) => setTimeout(resolve, 300))
    }
    const fresh = await world.open(s.chat, s.lead)
    expect(messagesOf(fresh.doc).map((m) => m.text)).toEqual(['First'])
    expect(await countRows(server, 'chat_messages')).toBe(1)
  })
})
