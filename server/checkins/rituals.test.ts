import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import {
  LINE_CHECKINS,
  ROOM_CHECKIN,
  SIGNALS_CHECKIN_ANSWERS,
  type RoomCheckin,
} from '../../shared/checkins/checkins.ts'
import { LINE_CRISIS } from '../../shared/chat/lineDoc.ts'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import {
  LINE_MEASURES,
  ROOM_MEASURES,
  SIGNALS_MEASURE_RESULTS,
  type MemberResults,
} from '../../shared/measures/measureDocs.ts'
import { SIGNALS_LIST } from '../../shared/signals/signalDocs.ts'
import { lineNameFor } from '../signals/privateLines.ts'
import { eventually } from '../test/connectProvider.ts'
import type { HttpClient } from '../test/httpClient.ts'
import { openSession, serverPerTest } from '../test/roomWorld.ts'
import { scheduleSession } from '../test/groupWorld.ts'
import type { TestServer } from '../test/startTestServer.ts'

/**
 * Everything one member's browser receives: each byte of their sockets (here, the room and
 * their own line) and each HTTP response, as text to search.
 */
function recordEverything(server: TestServer, who: HttpClient, docs: string[]) {
  const received: string[] = []
  const request = who.request.bind(who)
  who.request = async (method, path, body) => {
    const res = await request(method, path, body)
    received.push(res.text)
    return res
  }
  const providers = docs.map((name) => {
    const Recording = class extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie: who.cookie! } })
        this.on('message', (data: Buffer) => received.push(Buffer.from(data).toString('latin1')))
      }
    }
    return new WebsocketProvider(server.wsUrl, name, new Y.Doc(), {
      WebSocketPolyfill: Recording as never,
      protocols: ['hearth'],
      disableBc: true,
    })
  })
  return {
    received: () => received.join('\n'),
    synced: () => providers.every((p) => p.synced),
    close: () => providers.forEach((p) => p.destroy()),
  }
}

describe('check-ins and measures', () => {
  const world = serverPerTest()

  /**
   * A session with these members admitted (the second is Sky), the lead's view of the room and
   * signals documents, and everything Sky's browser receives from now on.
   */
  async function watchedRoom(pseudonyms: string[]) {
    const { server } = world
    const opened = await openSession(server, pseudonyms)
    const { lead, groupId, sessionId, members } = opened
    const room = await world.open(sessionDocName.room(groupId, sessionId), lead)
    const signals = await world.open(sessionDocName.signals(groupId, sessionId), lead)
    const skySees = recordEverything(server, members[1]!, [
      sessionDocName.room(groupId, sessionId),
      await lineNameFor(await server.services.data(), groupId, sessionId, members[1]!.id),
    ])
    await eventually(skySees.synced, 'Sky in the room')
    return { ...opened, room, signals, skySees }
  }

  it('a check-in shows the group only its aggregate, once three answered; facilitators see names only where the group allows; each member keeps their own history', async () => {
    const { server } = world
    const { lead, groupId, sessionId, members, room, signals, skySees } = await watchedRoom([
      'Robin',
      'Sky',
      'Kai',
    ])
    const [robin, sky, kai] = [members[0]!, members[1]!, members[2]!]
    const current = () => room.doc.getMap(ROOM_CHECKIN).get('current') as RoomCheckin | undefined

    // Only a facilitator opens one, only during the session; a member answers what it asks.
    expect(
      (await sky.post(`/api/sessions/${sessionId}/checkins`, { kind: 'both', moment: 'start' }))
        .status,
    ).toBe(403)
    expect((await lead.post(`/api/sessions/${sessionId}/checkins`, { kind: 'all' })).status).toBe(
      400,
    )
    const opened = await lead.post(`/api/sessions/${sessionId}/checkins`, {
      kind: 'both',
      moment: 'start',
    })
    expect(opened.status).toBe(201)
    const id = opened.json.id as string
    const answer = (who: HttpClient, body: unknown) =>
      who.put(`/api/sessions/${sessionId}/checkins/${id}/answer`, body)
    await eventually(() => current()?.id === id, 'the check-in in the room')
    expect((await answer(robin, { mood: 8 })).status).toBe(400)
    expect((await answer(robin, { mood: 11, word: 'ok' })).status).toBe(400)
    expect((await answer(lead, { mood: 8, word: 'ok' })).status).toBe(403)
    expect(
      (
        await robin.put(`/api/sessions/${sessionId}/checkins/jmadeup/answer`, {
          mood: 1,
          word: 'x',
        })
      ).status,
    ).toBe(404)

    expect((await answer(robin, { mood: 8, word: ' Zebrafinch ' })).status).toBe(200)
    expect((await answer(sky, { mood: 2, word: 'quokka' })).status).toBe(200)
    await eventually(() => current()?.answered === 2, 'two answers counted')
    // Two answers would tell each of the two the other's: no aggregate yet, and no names anywhere.
    expect(current()!.aggregate).toBeNull()
    expect(current()!.named).toBe(false)
    expect(signals.doc.getMap(SIGNALS_CHECKIN_ANSWERS).size).toBe(0)
    const robinsLine = await world.open(
      await lineNameFor(await server.services.data(), groupId, sessionId, robin.id),
      lead,
    )
    expect(robinsLine.doc.getMap(LINE_CHECKINS).toJSON()).toEqual({
      [id]: { at: expect.any(Number) },
    })
    expect(JSON.stringify(robinsLine.doc.toJSON())).not.toContain('zebrafinch')

    // Naming check-ins from now on does not name answers given under the promise of this one.
    expect((await lead.patch(`/api/groups/${groupId}`, { checkinsNamed: true })).status).toBe(200)
    expect((await answer(kai, { mood: 8, word: 'tired' })).status).toBe(200)
    await eventually(() => current()?.aggregate != null, 'the aggregate once three answered')
    expect(current()!.aggregate).toEqual({
      moods: [0, 0, 1, 0, 0, 0, 0, 0, 2, 0, 0],
      words: [
        ['quokka', 1],
        ['tired', 1],
        ['zebrafinch', 1],
      ],
    })
    expect(current()!.named).toBe(false)
    expect(signals.doc.getMap(SIGNALS_CHECKIN_ANSWERS).size).toBe(0)
    const shown = JSON.stringify(room.doc.getMap(ROOM_CHECKIN).toJSON())
    for (const secret of [robin.id, sky.id, kai.id, 'Robin', 'Sky', 'Kai'])
      expect(shown).not.toContain(secret)

    // Closed: no more answers. Each member's history holds their own answers only.
    expect((await lead.post(`/api/sessions/${sessionId}/checkins/${id}/close`)).status).toBe(200)
    await eventually(() => current()?.closed === true, 'closed')
    expect((await answer(robin, { mood: 1, word: 'later' })).status).toBe(409)
    const history = await robin.get('/api/member/checkins')
    expect(history.json.checkins).toEqual([
      expect.objectContaining({ moment: 'start', mood: 8, word: 'zebrafinch' }),
    ])
    expect((await sky.get('/api/member/checkins')).json.checkins).toEqual([
      expect.objectContaining({ mood: 2, word: 'quokka' }),
    ])
    skySees.close()
  })

  it('where the group names check-ins, the facilitators (and only they) see each answer by name; a risky word alerts them', async () => {
    const { server } = world
    const { lead, groupId, sessionId, members } = await openSession(server, ['Robin'], {
      checkinsNamed: true,
    })
    const robin = members[0]!
    const signals = await world.open(sessionDocName.signals(groupId, sessionId), lead)
    const id = (
      await lead.post(`/api/sessions/${sessionId}/checkins`, { kind: 'word', moment: 'end' })
    ).json.id as string
    expect(
      (await robin.put(`/api/sessions/${sessionId}/checkins/${id}/answer`, { word: 'want to die' }))
        .status,
    ).toBe(200)
    await eventually(() => signals.doc.getMap(SIGNALS_CHECKIN_ANSWERS).has(id), 'the named answers')
    const named = signals.doc.getMap(SIGNALS_CHECKIN_ANSWERS).get(id) as Record<
      string,
      { name: string; word: string }
    >
    expect(Object.values(named)).toEqual([
      expect.objectContaining({ name: 'Robin', word: 'want to die', mood: null }),
    ])
    await eventually(
      () =>
        signals.doc
          .getArray(SIGNALS_LIST)
          .toArray()
          .some((s) => (s as { source?: string }).source === 'checkin'),
      'a crisis alert on the word',
    )
    const robinsLine = await world.open(
      await lineNameFor(await server.services.data(), groupId, sessionId, robin.id),
      robin,
    )
    await eventually(
      () => robinsLine.doc.getMap(LINE_CRISIS).size === 1,
      'crisis resources for Robin',
    )
  })

  it('measures are scored as published, kept for the member and the facilitators only, trended over sessions; PHQ-9 item 9 raises the banner and shows the member crisis resources; no other member receives any of it', async () => {
    const { server } = world
    const { lead, groupId, sessionId, members, room, signals, skySees } = await watchedRoom([
      'Robin',
      'Sky',
    ])
    const [robin, sky] = [members[0]!, members[1]!]

    expect(
      (await sky.post(`/api/sessions/${sessionId}/measures`, { measure: 'phq9' })).status,
    ).toBe(403)
    const sent = await lead.post(`/api/sessions/${sessionId}/measures`, { measure: 'phq9' })
    expect(sent.status).toBe(201)
    const again = await lead.post(`/api/sessions/${sessionId}/measures`, { measure: 'phq9' })
    expect(again.json.id).toBe(sent.json.id)
    const requestId = sent.json.id as string
    await eventually(
      () => room.doc.getMap(ROOM_MEASURES).has(requestId),
      'the questionnaire in the room',
    )
    const answers = (who: HttpClient, values: unknown) =>
      who.post(`/api/sessions/${sessionId}/measures/${requestId}/answers`, { answers: values })

    expect((await answers(sky, [0, 0, 0])).status).toBe(400)
    expect((await answers(lead, [0, 0, 0, 0, 0, 0, 0, 0, 0])).status).toBe(403)
    // Robin: 3+3+2+2+2+2+1+1+1 = 17, "Moderately severe", item 9 "Several days".
    const robins = await answers(robin, [3, 3, 2, 2, 2, 2, 1, 1, 1])
    expect(robins.status).toBe(201)
    expect(robins.json).toMatchObject({ score: 17, band: 'Moderately severe' })
    expect((await answers(robin, [0, 0, 0, 0, 0, 0, 0, 0, 0])).status).toBe(409)
    expect((await answers(sky, [0, 1, 0, 0, 0, 0, 0, 0, 0])).json).toMatchObject({
      score: 1,
      band: 'Minimal',
    })

    // The facilitators: each result by name; the item-9 answer in the crisis banner.
    await eventually(() => signals.doc.getMap(SIGNALS_MEASURE_RESULTS).size === 2, 'both results')
    const results = [...signals.doc.getMap<MemberResults>(SIGNALS_MEASURE_RESULTS).values()]
    const robinsResult = results.find((r) => r.name === 'Robin')!.results[requestId]!
    expect(robinsResult).toMatchObject({ score: 17, selfHarm: true, earlier: [] })
    await eventually(
      () =>
        signals.doc
          .getArray(SIGNALS_LIST)
          .toArray()
          .some((s) => (s as { source?: string }).source === 'measure'),
      'the crisis banner',
    )
    const alert = signals.doc
      .getArray(SIGNALS_LIST)
      .toArray()
      .find((s) => (s as { source?: string }).source === 'measure') as {
      name: string
      text: string
    }
    expect(alert).toMatchObject({ name: 'Robin', text: expect.stringContaining('Several days') })
    // Robin: their own result and, at once, the crisis resources of the group's region.
    const robinsLine = await world.open(
      await lineNameFor(await server.services.data(), groupId, sessionId, robin.id),
      robin,
    )
    await eventually(
      () => robinsLine.doc.getMap(LINE_CRISIS).size === 1,
      'crisis resources for Robin',
    )
    expect(robinsLine.doc.getMap(LINE_MEASURES).get(requestId)).toMatchObject({
      score: 17,
      band: 'Moderately severe',
    })

    // Sky received none of Robin's answers, score, band or alert, over any socket or response.
    await new Promise((resolve) => setTimeout(resolve, 200))
    const skyGot = skySees.received()
    expect(skyGot).toContain('Minimal')
    for (const secret of [
      'Moderately severe',
      '"score":17',
      'Several days',
      '[3,3,2,2,2,2,1,1,1]',
      'Robin',
    ]) {
      expect(skyGot, secret).not.toContain(secret)
    }
    expect(JSON.stringify(room.doc.toJSON())).not.toMatch(/score|band|Moderately/)
    skySees.close()

    // A later session: the facilitators see the trend; Robin sees their own over sessions.
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'ended' })
    const next = await scheduleSession(server, lead, groupId)
    await lead.post(`/api/sessions/${next}/status`, { status: 'open' })
    await robin.post(`/api/sessions/${next}/join`)
    await lead.post(`/api/sessions/${next}/admit`, { all: true })
    const nextId = (await lead.post(`/api/sessions/${next}/measures`, { measure: 'phq9' })).json
      .id as string
    expect(
      (
        await robin.post(`/api/sessions/${next}/measures/${nextId}/answers`, {
          answers: [1, 1, 1, 1, 1, 1, 1, 1, 0],
        })
      ).json,
    ).toMatchObject({ score: 8, band: 'Mild' })
    const nextSignals = await world.open(sessionDocName.signals(groupId, next), lead)
    await eventually(
      () => nextSignals.doc.getMap(SIGNALS_MEASURE_RESULTS).size === 1,
      'the next result',
    )
    const trend = [...nextSignals.doc.getMap<MemberResults>(SIGNALS_MEASURE_RESULTS).values()][0]!
      .results[nextId]!
    expect(trend).toMatchObject({ score: 8, selfHarm: false, earlier: [{ score: 17 }] })
    expect(
      (await robin.get('/api/member/measures')).json.measures.map(
        (m: { score: number }) => m.score,
      ),
    ).toEqual([17, 8])
    expect(
      (await sky.get('/api/member/measures')).json.measures.map((m: { score: number }) => m.score),
    ).toEqual([1])
    // Robin's archive carries their own history; Sky's has none of Robin's.
    const archive = async (who: HttpClient) => {
      const res = await fetch(`${server.url}/api/member/export`, {
        headers: { cookie: who.cookie! },
      })
      const files = unzipSync(new Uint8Array(await res.arrayBuffer()))
      return Object.entries(files)
        .map(([path, data]) => `${path}\n${strFromU8(data)}`)
        .join('\n')
    }
    const robinsArchive = await archive(robin)
    expect(robinsArchive).toContain('how-i-have-been.md')
    expect(robinsArchive).toContain('17 (moderately severe)')
    expect(await archive(sky)).not.toContain('moderately severe')
  })
  it('erasing a member takes their check-in answers and results out of every aggregate and the facilitators’ documents', async () => {
    const { server } = world
    const { lead, groupId, sessionId, members } = await openSession(server, ['Robin', 'Sky', 'Kai'])
    const room = await world.open(sessionDocName.room(groupId, sessionId), lead)
    const signals = await world.open(sessionDocName.signals(groupId, sessionId), lead)
    const id = (
      await lead.post(`/api/sessions/${sessionId}/checkins`, { kind: 'word', moment: 'start' })
    ).json.id as string
    const words = ['wombat', 'quokka', 'tired']
    for (const [n, m] of members.entries()) {
      await m.put(`/api/sessions/${sessionId}/checkins/${id}/answer`, { word: words[n] })
    }
    const requestId = (await lead.post(`/api/sessions/${sessionId}/measures`, { measure: 'gad7' }))
      .json.id as string
    await members[0]!.post(`/api/sessions/${sessionId}/measures/${requestId}/answers`, {
      answers: [3, 3, 3, 3, 0, 0, 0],
    })
    const current = () => room.doc.getMap(ROOM_CHECKIN).get('current') as RoomCheckin | undefined
    await eventually(() => current()?.aggregate?.words.length === 3, 'three words')
    await eventually(() => signals.doc.getMap(SIGNALS_MEASURE_RESULTS).size === 1, 'Robin’s result')

    expect((await members[0]!.post('/api/member/erase', { confirm: 'erase' })).status).toBe(200)
    await eventually(() => current()?.answered === 2, 'the count without Robin')
    // Two answers left: the aggregate is withheld again rather than shown without them.
    expect(current()!.aggregate).toBeNull()
    await eventually(
      () => signals.doc.getMap(SIGNALS_MEASURE_RESULTS).size === 0,
      'the result gone',
    )
    const records = await server.services.data()
    const answers = await records
      .selectFrom('checkin_answers')
      .select('member_id')
      .where('member_id', '=', members[0]!.id)
      .execute()
    const results = await records
      .selectFrom('measure_answers')
      .select('member_id')
      .where('member_id', '=', members[0]!.id)
      .execute()
    expect([...answers, ...results]).toEqual([])
  })
})
