import { afterEach, describe, expect, it } from 'vitest'
import { MessageType } from '../../../shared/sync/messageTypes.ts'
import { openRawSocket, type RawSocket } from '../../test/rawSocket.ts'
import { startTestServer, type TestServer } from '../../test/startTestServer.ts'
import { encodeAwarenessFrame } from '../encodeFrames.ts'
import { parseFrame, type AwarenessEntry } from '../parseFrame.ts'

const LIMITS = { maxUpdateBytes: 1 << 22, maxAwarenessBytes: 1 << 22 }

/** The presence a newcomer receives when it joins `doc`. */
async function presenceSeenOnJoin(server: TestServer, doc: string): Promise<AwarenessEntry[]> {
  const socket = await openRawSocket(server.wsUrl, doc, server.token())
  const frame = await socket.next((f) => f[0] === MessageType.awareness, 2_000)
  socket.ws.close()
  const parsed = parseFrame(frame, LIMITS)
  if (!parsed.ok || parsed.message.type !== 'awareness') throw new Error('not an awareness frame')
  return parsed.message.entries
}

const state = (clientId: number, clock: number, json: unknown): AwarenessEntry => ({
  clientId,
  clock,
  json: JSON.stringify(json),
})

describe('[C9] presence has bounds', () => {
  let server: TestServer
  const sockets: RawSocket[] = []
  afterEach(async () => {
    for (const s of sockets.splice(0)) s.ws.close()
    await server.close()
  })

  it('one socket speaks for one client id, the first it announced', async () => {
    server = await startTestServer()
    const flood = await openRawSocket(server.wsUrl, 'p/flood', server.token())
    sockets.push(flood)
    for (let round = 0; round < 10; round++) {
      const entries = Array.from({ length: 60 }, (_, i) =>
        state(1000 + round * 60 + i, 1, { cursor: { i } }),
      )
      flood.ws.send(encodeAwarenessFrame(entries))
    }
    const seen = await presenceSeenOnJoin(server, 'p/flood')
    expect(seen.map((e) => e.clientId)).toEqual([1000])
  })

  it("a peer's state echoed back first does not become the socket's own client id", async () => {
    server = await startTestServer()
    const ana = await openRawSocket(server.wsUrl, 'p/echo', server.token(undefined, 'ana'))
    sockets.push(ana)
    ana.ws.send(encodeAwarenessFrame([state(500, 1, { user: 'ana' })]))
    await new Promise((resolve) => setTimeout(resolve, 100))
    // A stock y-websocket client whose own state is not set yet sends the peers' states it was
    // given on joining straight back; its own follows.
    const bea = await openRawSocket(server.wsUrl, 'p/echo', server.token(undefined, 'bea'))
    sockets.push(bea)
    bea.ws.send(encodeAwarenessFrame([state(500, 1, { user: 'ana' })]))
    bea.ws.send(encodeAwarenessFrame([state(600, 1, { user: 'bea' })]))
    await new Promise((resolve) => setTimeout(resolve, 100))
    const seen = await presenceSeenOnJoin(server, 'p/echo')
    expect(seen.map((e) => e.clientId).sort()).toEqual([500, 600])
  })

  it('keeps only the documented fields within their caps', async () => {
    server = await startTestServer()
    const talker = await openRawSocket(server.wsUrl, 'p/fields', server.token())
    sockets.push(talker)
    talker.ws.send(
      encodeAwarenessFrame([
        state(7, 1, {
          typing: true,
          cursor: { anchor: 'x'.repeat(4000) },
          junk: 'y'.repeat(30_000),
        }),
      ]),
    )
    const [seen] = await presenceSeenOnJoin(server, 'p/fields')
    expect(JSON.parse(seen!.json)).toEqual({ typing: true })
  })

  it("another person's connection cannot take over a live client id", async () => {
    server = await startTestServer()
    const owner = await openRawSocket(server.wsUrl, 'p/own', server.token(undefined, 'robin'))
    const thief = await openRawSocket(server.wsUrl, 'p/own', server.token(undefined, 'mallory'))
    sockets.push(owner, thief)
    owner.ws.send(encodeAwarenessFrame([state(42, 1, { typing: false })]))
    await thief.next((f) => f[0] === MessageType.awareness, 2_000)
    thief.ws.send(encodeAwarenessFrame([state(42, 99, { typing: true })]))
    const [seen] = await presenceSeenOnJoin(server, 'p/own')
    expect(seen).toMatchObject({ clientId: 42, clock: 1 })
    expect(JSON.parse(seen!.json)).toEqual({ typing: false })
  })
})
