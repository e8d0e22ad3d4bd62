import { describe, expect, it } from 'vitest'
import { LINE_CRISIS, LINE_MESSAGES, type LineMessage } from '../../shared/chat/lineDoc.ts'
import { SIGNALS_LINES, SIGNALS_LIST, SIGNALS_RESOURCES } from '../../shared/signals/signalDocs.ts'
import { eventually } from '../test/connectProvider.ts'
import { countRows } from '../test/countRows.ts'
import { serverPerTest } from '../test/roomWorld.ts'
import { chatSession, expectNoneOf, sniff } from './test/chatWorld.ts'

describe('the private line and crisis alerts', () => {
  const world = serverPerTest()

  it('a member writes to the facilitators only, and a facilitator answers them only', async () => {
    const s = await chatSession(world.server, ['Robin', 'Sky'])
    const [robin, sky] = s.members as [(typeof s.members)[0], (typeof s.members)[0]]
    const robinLine = await s.lineOf(robin)
    const key = robinLine.split('/').pop()!
    const signals = await world.open(s.signals, s.lead)
    const mine = await world.open(robinLine, robin)
    const theirs = await world.open(robinLine, s.lead)
    const line = (doc: typeof mine) => doc.doc.getArray<LineMessage>(LINE_MESSAGES).toArray()

    const sent = await robin.post(`/api/sessions/${s.sessionId}/line`, {
      text: 'Can we talk after the group?',
    })
    expect(sent.status).toBe(201)
    await eventually(() => line(theirs).length === 1, 'at the lead')
    expect(signals.doc.getMap(SIGNALS_LINES).get(key)).toMatchObject({
      name: 'Robin',
      waiting: true,
    })
    const answer = await s.lead.post(`/api/sessions/${s.sessionId}/lines/${key}`, {
      text: 'Yes, of course. I will stay on.',
    })
    expect(answer.status).toBe(201)
    await eventually(() => line(mine).length === 2, 'the answer at Robin')
    expect(line(mine)[1]).toMatchObject({ from: 'facilitator', name: 'Dr Lead' })
    expect(signals.doc.getMap(SIGNALS_LINES).get(key)).toMatchObject({ waiting: false })
    // Nobody else reads it or writes on it.
    await expect(sniff(world.server, robinLine, sky)).rejects.toThrow('HTTP 403')
    const intruder = await sky.post(`/api/sessions/${s.sessionId}/lines/${key}`, { text: 'hi' })
    expect(intruder.status).toBe(403)
    const unknown = await s.lead.post(`/api/sessions/${s.sessionId}/lines/lnotaline0000000000a`, {
      text: 'hello',
    })
    expect(unknown.status).toBe(404)
  })

  it('a risk phrase in anonymous chat alerts the facilitators privately, with the words, and shows the writer resources', async () => {
    const s = await chatSession(world.server, ['Robin', 'Sky'], { crisisRegion: 'GB' })
    const [robin, sky] = s.members as [(typeof s.members)[0], (typeof s.members)[0]]
    const WORDS = 'honestly I just want to end my life'
    const signals = await world.open(s.signals, s.lead)
    const robinLine = await world.open(await s.lineOf(robin), robin)
    const skyLine = await world.open(await s.lineOf(sky), sky)
    const skyChat = await sniff(world.server, s.chat, sky)

    const posted = await s.post(robin, WORDS)
    expect(posted.status).toBe(201)
    await eventually(() => signals.doc.getArray(SIGNALS_LIST).length === 1, 'the alert')
    const alert = signals.doc.getArray<Record<string, unknown>>(SIGNALS_LIST).get(0)
    // The facilitators may not know who wrote it here: the alert says so, and carries no line.
    expect(alert).toMatchObject({
      kind: 'crisis',
      name: 'Anonymous member',
      text: WORDS,
      category: 'suicide',
      source: 'chat',
      messageId: posted.json.id,
    })
    expect(alert).not.toHaveProperty('line')
    await eventually(() => robinLine.doc.getMap(LINE_CRISIS).size === 1, 'resources for Robin')
    const shown = robinLine.doc
      .getMap<{ resources: { region: string } }>(LINE_CRISIS)
      .get(alert.id as string)
    expect(shown?.resources.region).toBe('GB')
    // The message is not hidden from the group; nothing of the alert reaches a peer.
    await eventually(() => skyChat.bytes().includes(Buffer.from(WORDS)), 'the message at Sky')
    expectNoneOf(skyChat.bytes(), ['crisis', 'Samaritans', alert.id as string])
    expect(skyLine.doc.getMap(LINE_CRISIS).size).toBe(0)

    // One click: the resources reach the writer privately, though the facilitator never learns who.
    // A double click sends them once.
    const clicks = await Promise.all(
      [1, 2].map(() => s.lead.post(`/api/sessions/${s.sessionId}/alerts/${alert.id}/resources`)),
    )
    expect(clicks.map((c) => c.status)).toEqual([200, 200])
    await eventually(
      () => robinLine.doc.getArray(LINE_MESSAGES).length === 1,
      'the facilitator’s resources on Robin’s line',
    )
    expect(robinLine.doc.getArray<LineMessage>(LINE_MESSAGES).get(0)).toMatchObject({
      from: 'facilitator',
      resources: { region: 'GB' },
    })
    await eventually(
      () => signals.doc.getMap(SIGNALS_RESOURCES).has(alert.id as string),
      'marked sent',
    )
    expect(skyLine.doc.getArray(LINE_MESSAGES).length).toBe(0)
    expect(robinLine.doc.getArray(LINE_MESSAGES).length).toBe(1)
    expect(
      (await sky.post(`/api/sessions/${s.sessionId}/alerts/${alert.id}/resources`)).status,
    ).toBe(403)
    // "Seen" works as for a silent signal.
    const seen = await s.lead.post(`/api/sessions/${s.sessionId}/signals/${alert.id}/seen`)
    expect(seen.status).toBe(200)
    // No log line carries the words or the writer.
    expectNoneOf(JSON.stringify(world.server.logs), [WORDS, robin.id])
    skyChat.close()
  })

  it('everyday words raise nothing', async () => {
    const s = await chatSession(world.server, ['Robin'])
    const [robin] = s.members as [(typeof s.members)[0]]
    const signals = await world.open(s.signals, s.lead)
    for (const text of [
      'this traffic is killing me',
      'I would never hurt myself',
      'I nearly died laughing',
    ]) {
      expect((await s.post(robin, text)).status).toBe(201)
    }
    await s.post(robin, 'I want to die')
    await eventually(() => signals.doc.getArray(SIGNALS_LIST).length === 1, 'only the real one')
    expect(signals.doc.getArray<{ text: string }>(SIGNALS_LIST).get(0).text).toBe('I want to die')
  })

  it('while three alerts from one writer are unseen, more are held back (the messages still go)', async () => {
    const s = await chatSession(world.server, ['Robin'])
    const [robin] = s.members as [(typeof s.members)[0]]
    const signals = await world.open(s.signals, s.lead)
    for (let i = 0; i < 5; i++) expect((await s.post(robin, `I want to die ${i}`)).status).toBe(201)
    await eventually(() => signals.doc.getArray(SIGNALS_LIST).length === 3, 'three alerts')
    const first = signals.doc.getArray<{ id: string }>(SIGNALS_LIST).get(0).id
    await s.lead.post(`/api/sessions/${s.sessionId}/signals/${first}/seen`)
    await new Promise((resolve) => setTimeout(resolve, 2100))
    expect((await s.post(robin, 'I want to die again')).status).toBe(201)
    await eventually(
      () => signals.doc.getArray(SIGNALS_LIST).length === 4,
      'a fourth once one was seen',
    )
    expect(await countRows(world.server, 'chat_messages')).toBe(6)
  })
})
