import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { sessionDocName } from '../../../shared/documents/docKinds.ts'
import { ROOM_STATE, WAITING_STATE } from '../../../shared/sessions/roomState.ts'
import { CloseCode } from '../../../shared/sync/closeCodes.ts'
import { MuxClient, type SocketClass } from '../../../shared/sync/MuxClient.ts'
import { MUX_PATH } from '../../../shared/sync/muxFrames.ts'
import { connectProvider, eventually, type TestClient } from '../../test/connectProvider.ts'
import { facilitator, groupBody, member, scheduleSession } from '../../test/groupWorld.ts'
import type { HttpClient } from '../../test/httpClient.ts'
import { startTestServer, type TestServer } from '../../test/startTestServer.ts'

describe('room state pushed over the socket', () => {
  let server: TestServer
  const cleanups: (() => unknown)[] = []
  beforeEach(async () => {
    server = await startTestServer()
  })
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
    await server.close()
  })

  /** The person's one multiplexed socket, signed in with their login cookie. */
  function socketOf(person: HttpClient): MuxClient {
    const cookie = person.cookie!
    const Socket = class extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie } })
      }
    }
    const mux = new MuxClient(
      `ws://127.0.0.1:${server.port}${MUX_PATH}`,
      ['hearth'],
      Socket as unknown as SocketClass,
    )
    cleanups.push(() => mux.destroy())
    return mux
  }

  function open(mux: MuxClient, doc: string): TestClient {
    const client = connectProvider(server.wsUrl, doc, null, { mux })
    cleanups.push(() => client.destroy())
    return client
  }

  const stateOf = (client: TestClient, map: string) =>
    client.doc.getMap(map).toJSON() as Record<string, unknown>

  it('brings status, worksheets and the waiting room to the right people without polling', async () => {
    const lead = await facilitator(server, 'lead@x.example')
    const groupId = (await lead.post('/api/groups', groupBody('Anxiety group'))).json.id
    const sessionId = await scheduleSession(server, lead, groupId)
    const robin = await member(server, lead, groupId, 'Robin')
    expect((await lead.post(`/api/sessions/${sessionId}/status`, { status: 'open' })).status).toBe(
      200,
    )

    // The facilitator's desk: the waiting room arrives in the signals document.
    const leadSocket = socketOf(lead)
    const desk = open(leadSocket, sessionDocName.signals(groupId, sessionId))
    await desk.synced()
    expect(await robin.post(`/api/sessions/${sessionId}/join`)).toMatchObject({ status: 200 })
    await eventually(
      () => JSON.stringify(stateOf(desk, WAITING_STATE).people).includes('"state":"waiting"'),
      'the arrival to reach the facilitator',
    )
    expect(stateOf(desk, WAITING_STATE).people).toEqual([
      expect.objectContaining({ memberId: robin.id, pseudonym: 'Robin', state: 'waiting' }),
    ])
    expect(
      (await lead.post(`/api/sessions/${sessionId}/admit`, { memberId: robin.id })).status,
    ).toBe(200)
    await eventually(
      () => JSON.stringify(stateOf(desk, WAITING_STATE).people).includes('"state":"admitted"'),
      'the admission to reach the desk',
    )

    // The member's room: the session and the worksheet list, with a revision that moves.
    const robinSocket = socketOf(robin)
    const room = open(robinSocket, sessionDocName.room(groupId, sessionId))
    await room.synced()
    expect(stateOf(room, ROOM_STATE).session).toMatchObject({ id: sessionId, status: 'open' })
    const before = stateOf(room, ROOM_STATE).revision as number
    const added = await lead.post(`/api/sessions/${sessionId}/worksheets`, {
      templateId: 'thought-record',
      mode: 'shared',
    })
    expect(added.status).toBe(201)
    await eventually(
      () => (stateOf(room, ROOM_STATE).worksheets as unknown[] | undefined)?.length === 1,
      'the new worksheet to reach the room',
    )
    expect(stateOf(room, ROOM_STATE).worksheets).toEqual([
      { id: added.json.id, title: 'Thought record', mode: 'shared' },
    ])
    expect(stateOf(room, ROOM_STATE).revision).toBeGreaterThan(before)
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'live' })
    await eventually(
      () => (stateOf(room, ROOM_STATE).session as { status: string }).status === 'live',
      'the status change to reach the room',
    )

    // Nothing for peers to learn who is who: the room's state carries no member id.
    expect(JSON.stringify(room.doc.getMap(ROOM_STATE).toJSON())).not.toContain(robin.id)
    // The waiting room stays with the facilitators: a member's channel to it is refused.
    const peek = open(robinSocket, sessionDocName.signals(groupId, sessionId))
    const code = await new Promise<number>((resolve) =>
      peek.provider.once('connection-close', (event) => resolve(event?.code ?? 0)),
    )
    expect(code).toBe(CloseCode.forbidden)
    // Every document above rode on one socket per person.
    expect([leadSocket.socketsOpened, robinSocket.socketsOpened]).toEqual([1, 1])
  })
})
