import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  CHAT_MESSAGES,
  CHAT_ORDER,
  CHAT_SETTINGS,
  CHAT_WINDOW,
  type ChatMessage,
} from '../../shared/chat/chatDoc.ts'
import { SIGNALS_LIST } from '../../shared/signals/signalDocs.ts'
import { manualClock, type ManualClock } from '../clock/clock.ts'
import { eventually } from '../test/connectProvider.ts'
import { foundAtRest } from '../test/foundAtRest.ts'
import { LONG_LOGINS, serverPerTest } from '../test/roomWorld.ts'
import { chatSession } from './test/chatWorld.ts'

const texts = (doc: Y.Doc) =>
  [...doc.getMap<ChatMessage>(CHAT_MESSAGES).values()]
    .sort((a, b) => a.seq - b.seq)
    .map((m) => m.text)

describe('chat: deleted means gone, and long chats page', () => {
  let clock: ManualClock
  const world = serverPerTest({
    env: LONG_LOGINS,
    now: () => (clock = manualClock(Date.UTC(2026, 10, 2, 18))),
  })

  it('after a facilitator removes a message, its words are nowhere in the database file', async () => {
    const s = await chatSession(world.server, ['Robin', 'Sky'])
    const [robin, sky] = s.members as [(typeof s.members)[0], (typeof s.members)[0]]
    const skyView = await world.open(s.chat, sky)
    const SECRET = 'I want to kill myself, and my brother Anselm does not know'
    const KEPT = 'thank you for listening'
    const { id } = (await s.post(robin, SECRET)).json
    // Many small changes after it, so that its words sit in several logged updates.
    await s.post(sky, KEPT)
    for (const reaction of ['heart', 'hug', 'thanks'] as const) {
      await sky.post(`/api/sessions/${s.sessionId}/chat/${id}/reactions`, { reaction, on: true })
    }
    await eventually(() => texts(skyView.doc).length === 2, 'both messages at Sky')
    // A risk phrase: the alert quotes the message in the facilitators' document too.
    const signals = await world.open(s.signals, s.lead)
    await eventually(() => signals.doc.getArray(SIGNALS_LIST).length === 1, 'the alert')
    // Sealed at rest (C19): the words are in the file only as ciphertext, before and after.
    expect(await foundAtRest(world.server, ['Anselm', KEPT])).toEqual([])
    const records = await world.server.services.data()
    const stored = (id: string) =>
      records
        .selectFrom('chat_messages')
        .select('text')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    expect((await stored(id)).text).toMatch(/^sealed:/)

    expect((await s.lead.delete(`/api/sessions/${s.sessionId}/chat/${id}`)).status).toBe(200)
    await eventually(() => texts(skyView.doc)[0] === null, 'removed for Sky')
    expect(texts(skyView.doc)).toEqual([null, KEPT])
    expect(await foundAtRest(world.server, ['Anselm', 'brother', KEPT])).toEqual([])
    expect((await stored(id)).text).toBeNull()
    // A fresh reader gets the mark, not the words; the facilitators' alert keeps no copy.
    const fresh = await world.open(s.chat, s.lead)
    expect(Buffer.from(Y.encodeStateAsUpdate(fresh.doc)).includes(Buffer.from('Anselm'))).toBe(
      false,
    )
    await eventually(
      () => !JSON.stringify(signals.doc.getArray(SIGNALS_LIST).toJSON()).includes('Anselm'),
      'the alert without the words',
    )
    expect(signals.doc.getArray(SIGNALS_LIST).length).toBe(1)
  })

  it('the document keeps the recent window; older messages page over HTTP', async () => {
    const s = await chatSession(world.server, ['Robin'])
    const [robin] = s.members as [(typeof s.members)[0]]
    const total = CHAT_WINDOW + 60
    for (let i = 1; i <= total; i++) {
      clock.advance(3000)
      const who = i % 2 ? robin : s.lead
      const posted = await s.post(who, `message ${i}`)
      expect(posted.status).toBe(201)
    }
    const view = await world.open(s.chat, robin)
    expect(view.doc.getArray(CHAT_ORDER).length).toBe(CHAT_WINDOW)
    expect(view.doc.getMap(CHAT_MESSAGES).size).toBe(CHAT_WINDOW)
    const olderFrom = view.doc.getMap(CHAT_SETTINGS).get('olderFrom') as number
    expect(olderFrom).toBe(61)
    expect(texts(view.doc)[0]).toBe('message 61')

    const page = await robin.get(`/api/sessions/${s.sessionId}/chat/older?before=${olderFrom}`)
    expect(page.status).toBe(200)
    expect(page.json.messages.map((m: ChatMessage) => m.text)).toEqual(
      Array.from({ length: 50 }, (_, i) => `message ${i + 11}`),
    )
    const last = await robin.get(`/api/sessions/${s.sessionId}/chat/older?before=11`)
    expect(last.json.messages).toHaveLength(10)
    expect((await robin.get(`/api/sessions/${s.sessionId}/chat/older?before=x`)).status).toBe(400)
    // No member id in what the page carries.
    expect(page.text).not.toContain(robin.id)
  })

  it('a group that does not keep its chat has it cleared when the session ends', async () => {
    const s = await chatSession(world.server, ['Robin'], { chatKept: false })
    const [robin] = s.members as [(typeof s.members)[0]]
    await s.post(robin, 'words that leave with the session')
    await s.lead.post(`/api/sessions/${s.sessionId}/status`, { status: 'ended' })
    expect(await foundAtRest(world.server, ['leave with the session'])).toEqual([])
    const view = await world.open(s.chat, s.lead)
    expect(view.doc.getMap(CHAT_MESSAGES).size).toBe(0)
    expect((await robin.get(`/api/sessions/${s.sessionId}/chat/older?before=99`)).json).toEqual({
      messages: [],
    })
  })

  it('a group that keeps its chat: members read it after the session, unless withheld', async () => {
    const s = await chatSession(world.server, ['Robin'])
    const [robin] = s.members as [(typeof s.members)[0]]
    await s.post(robin, 'still here afterwards')
    await s.lead.post(`/api/sessions/${s.sessionId}/status`, { status: 'ended' })
    const after = await world.open(s.chat, robin)
    expect(texts(after.doc)).toEqual(['still here afterwards'])
    const release = await s.lead.put(`/api/sessions/${s.sessionId}/release`, {
      withheld: ['chat'],
      days: null,
    })
    expect(release.status).toBe(200)
    expect((await robin.get(`/api/sessions/${s.sessionId}/chat/older?before=99`)).status).toBe(403)
  })

  it('erasing a member removes the messages that can be traced to them, and their name from alerts', async () => {
    const s = await chatSession(world.server, ['Robin', 'Sky'], { facilitatorsSeeAuthors: true })
    const [robin, sky] = s.members as [(typeof s.members)[0], (typeof s.members)[0]]
    const view = await world.open(s.chat, sky)
    const signals = await world.open(s.signals, s.lead)
    await s.post(robin, 'I want to die, says Quillon')
    await s.post(sky, 'Sky stays')
    await eventually(() => signals.doc.getArray(SIGNALS_LIST).length === 1, 'the alert')
    const erased = await robin.post('/api/member/erase', { confirm: 'erase' })
    expect(erased.status).toBe(200)
    await eventually(() => texts(view.doc)[0] === null, 'Robin’s message removed')
    expect(texts(view.doc)).toEqual([null, 'Sky stays'])
    const alert = signals.doc.getArray<Record<string, unknown>>(SIGNALS_LIST).get(0)
    expect(alert).toMatchObject({ name: 'Former member', text: null })
    expect(await foundAtRest(world.server, ['Quillon'])).toEqual([])
  })
})
