import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  CHAT_MAX_CHARS,
  CHAT_MESSAGES,
  CHAT_SETTINGS,
  type ChatMessage,
} from '../../shared/chat/chatDoc.ts'
import { LINE_CHAT } from '../../shared/chat/lineDoc.ts'
import { SIGNALS_MUTES } from '../../shared/signals/signalDocs.ts'
import { manualClock, type ManualClock } from '../clock/clock.ts'
import { eventually } from '../test/connectProvider.ts'
import { countRows } from '../test/countRows.ts'
import { LONG_LOGINS, serverPerTest } from '../test/roomWorld.ts'
import { chatSession } from './test/chatWorld.ts'

const messagesOf = (doc: Y.Doc) =>
  [...doc.getMap<ChatMessage>(CHAT_MESSAGES).values()].sort((a, b) => a.seq - b.seq)

describe('chat moderation: every rule is the server’s', () => {
  let clock: ManualClock
  const world = serverPerTest({
    env: LONG_LOGINS,
    now: () => (clock = manualClock(Date.UTC(2026, 10, 2, 18))),
  })

  it('a muted member is refused with a clear error; the mute came from an anonymous message and names nobody', async () => {
    const s = await chatSession(world.server, ['Robin', 'Sky'])
    const [robin, sky] = s.members as [(typeof s.members)[0], (typeof s.members)[0]]
    const signals = await world.open(s.signals, s.lead)
    const robinLine = await world.open(await s.lineOf(robin), robin)
    const first = await s.post(robin, 'something unkind')
    const muted = await s.lead.post(`/api/sessions/${s.sessionId}/chat/mutes`, {
      messageId: first.json.id,
    })
    expect(muted.status).toBe(201)
    await eventually(() => signals.doc.getMap(SIGNALS_MUTES).size === 1, 'the mute listed')
    // The facilitators see that a writer was muted, not who.
    expect([...signals.doc.getMap(SIGNALS_MUTES).values()][0]).toMatchObject({ name: null })
    await eventually(() => robinLine.doc.getMap(LINE_CHAT).get('muted') === true, 'Robin told')

    clock.advance(60_000)
    const refused = await s.post(robin, 'again')
    expect(refused.status).toBe(403)
    expect(refused.json.error).toMatch(/paused your chat messages/)
    expect((await s.post(sky, 'Sky is fine')).status).toBe(201)
    // The private line stays open to a muted member: it is how they reach help.
    expect(
      (await robin.post(`/api/sessions/${s.sessionId}/line`, { text: 'I am sorry' })).status,
    ).toBe(201)

    const unmuted = await s.lead.delete(`/api/sessions/${s.sessionId}/chat/mutes/${muted.json.id}`)
    expect(unmuted.status).toBe(200)
    await eventually(() => robinLine.doc.getMap(LINE_CHAT).get('muted') === false, 'unmuted')
    expect((await s.post(robin, 'thank you')).status).toBe(201)
    // A member cannot mute anyone.
    const byMember = await sky.post(`/api/sessions/${s.sessionId}/chat/mutes`, {
      memberId: robin.id,
    })
    expect(byMember.status).toBe(403)
  })

  it('lock and slow mode hold on the server, for members (facilitators may still write)', async () => {
    const s = await chatSession(world.server, ['Robin'])
    const [robin] = s.members as [(typeof s.members)[0]]
    const view = await world.open(s.chat, robin)
    const settings = (body: object) =>
      s.lead.put(`/api/sessions/${s.sessionId}/chat/settings`, body)

    expect((await settings({ locked: true })).status).toBe(200)
    await eventually(() => view.doc.getMap(CHAT_SETTINGS).get('locked') === true, 'lock shown')
    const locked = await s.post(robin, 'hello?')
    expect(locked.status).toBe(409)
    expect(locked.json.error).toMatch(/paused the chat/)
    expect((await s.post(s.lead, 'Let us take a breath together.')).status).toBe(201)
    await settings({ locked: false, slowSeconds: 30 })

    expect((await s.post(robin, 'one')).status).toBe(201)
    clock.advance(10_000)
    const tooSoon = await s.post(robin, 'two')
    expect(tooSoon.status).toBe(429)
    expect(tooSoon.json.error).toMatch(/Slow mode is on: .* in 20 s/)
    expect(tooSoon.headers.get('retry-after')).toBe('20')
    clock.advance(20_000)
    expect((await s.post(robin, 'two')).status).toBe(201)
    expect((await settings({ slowSeconds: 7 })).status).toBe(400)
    expect(
      (await robin.put(`/api/sessions/${s.sessionId}/chat/settings`, { locked: true })).status,
    ).toBe(403)
  })

  it('bad messages are refused and change nothing: empty, too long, not JSON, a flood, after the end', async () => {
    const s = await chatSession(world.server, ['Robin'])
    const [robin] = s.members as [(typeof s.members)[0]]
    const path = `/api/sessions/${s.sessionId}/chat`
    expect((await s.post(robin, '   ')).status).toBe(400)
    expect((await s.post(robin, 'x'.repeat(CHAT_MAX_CHARS + 1))).status).toBe(400)
    expect((await robin.post(path, { text: 42 })).status).toBe(400)
    const raw = await fetch(`${world.server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: robin.cookie! },
      body: '{"text": "unterminated',
    })
    expect(raw.status).toBe(400)
    // Five at once are fine; the sixth in the same second is a flood.
    const burst = []
    for (let i = 0; i < 6; i++) burst.push((await s.post(robin, `message ${i}`)).status)
    expect(burst).toEqual([201, 201, 201, 201, 201, 429])
    await s.lead.post(`/api/sessions/${s.sessionId}/status`, { status: 'ended' })
    clock.advance(60_000)
    expect((await s.post(robin, 'after the end')).status).toBe(409)
    expect((await s.post(s.lead, 'after the end')).status).toBe(409)
    expect(await countRows(world.server, 'chat_messages')).toBe(5)
  })

  it('reactions are counts only, one per person each, and a removed message keeps a mark', async () => {
    const s = await chatSession(world.server, ['Robin', 'Sky'])
    const [robin, sky] = s.members as [(typeof s.members)[0], (typeof s.members)[0]]
    const view = await world.open(s.chat, sky)
    const { id } = (await s.post(robin, 'I made it through the week')).json
    const react = (who: { post: typeof robin.post }, on = true) =>
      who.post(`/api/sessions/${s.sessionId}/chat/${id}/reactions`, { reaction: 'heart', on })
    await react(sky)
    await react(sky)
    await react(s.lead)
    await eventually(() => messagesOf(view.doc)[0]?.reactions?.heart === 2, 'two hearts')
    await react(sky, false)
    await eventually(() => messagesOf(view.doc)[0]?.reactions?.heart === 1, 'one heart')
    expect(JSON.stringify(messagesOf(view.doc))).not.toContain('member:')
    expect((await sky.delete(`/api/sessions/${s.sessionId}/chat/${id}`)).status).toBe(403)
    expect((await s.lead.delete(`/api/sessions/${s.sessionId}/chat/${id}`)).status).toBe(200)
    await eventually(() => messagesOf(view.doc)[0]?.removed === 'facilitator', 'removed mark')
    expect(messagesOf(view.doc)[0]).toMatchObject({ text: null, removed: 'facilitator' })
    expect(messagesOf(view.doc)[0]?.reactions).toBeUndefined()
    expect((await react(sky)).status).toBe(404)
  })
})
