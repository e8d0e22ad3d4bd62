import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { CloseCode } from '../../../shared/sync/closeCodes.ts'
import { MuxClient, type SocketClass } from '../../../shared/sync/MuxClient.ts'
import { encodeControl, MUX_PATH } from '../../../shared/sync/muxFrames.ts'
import { connectProvider, eventually, type TestClient } from '../../test/connectProvider.ts'
import { startTestServer, type TestServer } from '../../test/startTestServer.ts'
import { authorizeByGrants, type Authorize } from '../../access/authorize.ts'

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function server(
  env: Record<string, string> = {},
  authorize: Authorize = authorizeByGrants,
): Promise<TestServer> {
  const started = await startTestServer(env, { authorize })
  cleanups.push(() => started.close())
  return started
}

const GRANTS = [
  { prefix: 'mux/write/', access: 'write' as const },
  { prefix: 'mux/read/', access: 'read' as const },
]

function mux(at: TestServer, token = at.token(GRANTS)): MuxClient {
  const client = new MuxClient(
    `ws://127.0.0.1:${at.port}${MUX_PATH}`,
    ['hearth', `auth.${token}`],
    WebSocket as unknown as SocketClass,
  )
  cleanups.push(() => client.destroy())
  return client
}

function channel(at: TestServer, client: MuxClient, doc: string): TestClient {
  const opened = connectProvider(at.wsUrl, doc, null, { mux: client })
  cleanups.push(() => opened.destroy())
  return opened
}

/** Resolves with the code of the provider's next close (of its channel). */
const nextClose = (client: TestClient) =>
  new Promise<number>((resolve) =>
    client.provider.once('connection-close', (event) => resolve(event?.code ?? 0)),
  )

/** The server's open sockets, counted from its connections' transports. */
const serverConnections = (at: TestServer) => [...at.services.sync.connections()]

describe('one socket, many documents', () => {
  it('carries a writable and a read-only document with their own access and acknowledgements', async () => {
    const at = await server()
    const client = mux(at)
    const writable = channel(at, client, 'mux/write/a')
    const readable = channel(at, client, 'mux/read/b')
    await Promise.all([writable.synced(), readable.synced()])
    expect(client.socketsOpened).toBe(1)

    // The read-only document: the server answers an update with permission-denied and keeps
    // nothing of it.
    readable.text.insert(0, 'not allowed')
    await eventually(() => readable.save.status === 'refused', 'the refusal')
    // The writable one on the same socket: acknowledged as durable.
    writable.text.insert(0, 'kept')
    await writable.saved()

    const other = connectProvider(at.wsUrl, 'mux/read/b', at.token())
    cleanups.push(() => other.destroy())
    await other.synced()
    expect(other.text.toString()).toBe('')
    const check = connectProvider(at.wsUrl, 'mux/write/a', at.token())
    cleanups.push(() => check.destroy())
    await check.synced()
    expect(check.text.toString()).toBe('kept')
    expect(client.socketsOpened).toBe(1)
  })

  it('relays between two members, each on their own multiplexed socket', async () => {
    const at = await server()
    const [one, two] = [mux(at), mux(at)]
    const a = [channel(at, one, 'mux/write/x'), channel(at, one, 'mux/write/y')]
    const b = [channel(at, two, 'mux/write/x'), channel(at, two, 'mux/write/y')]
    await Promise.all([...a, ...b].map((c) => c.synced()))
    a[0]!.text.insert(0, 'to x')
    b[1]!.text.insert(0, 'to y')
    await eventually(() => b[0]!.text.toString() === 'to x', 'x to reach the other member')
    await eventually(() => a[1]!.text.toString() === 'to y', 'y to reach the other member')
    expect(one.socketsOpened + two.socketsOpened).toBe(2)
  })

  it('revoking one document closes only its channel', async () => {
    const withdrawn = new Set<string>()
    const at = await server({}, (principal, doc) =>
      withdrawn.has(doc) ? 'none' : authorizeByGrants(principal, doc),
    )
    const client = mux(at)
    const kept = channel(at, client, 'mux/write/kept')
    const revoked = channel(at, client, 'mux/write/revoked')
    await Promise.all([kept.synced(), revoked.synced()])
    const closing = nextClose(revoked)
    withdrawn.add('mux/write/revoked')
    await at.services.sync.reauthorize({ docs: ['mux/write/revoked'] })
    expect(await closing).toBe(CloseCode.forbidden)
    // The socket and the other document carry on.
    kept.text.insert(0, 'still here')
    await kept.saved()
    expect(client.socketsOpened).toBe(1)
    expect(serverConnections(at).map((c) => c.room.name)).toEqual(['mux/write/kept'])
    expect(kept.provider.wsconnected).toBe(true)
  })

  it('refuses a document the principal may not open on that channel alone', async () => {
    const at = await server()
    const client = mux(at)
    const allowed = channel(at, client, 'mux/write/fine')
    const refused = channel(at, client, 'other/secret')
    const closing = nextClose(refused)
    expect(await closing).toBe(CloseCode.forbidden)
    await allowed.synced()
    allowed.text.insert(0, 'ok')
    await allowed.saved()
  })

  it('still serves a stock y-websocket client on /sync/<document>, alongside a multiplexed one', async () => {
    const at = await server()
    const stock = connectProvider(at.wsUrl, 'mux/write/both', at.token(), { acks: false })
    cleanups.push(() => stock.destroy())
    const muxed = channel(at, mux(at), 'mux/write/both')
    await Promise.all([stock.synced(), muxed.synced()])
    stock.text.insert(0, 'from stock')
    await eventually(() => muxed.text.toString() === 'from stock', 'the stock edit')
    muxed.text.insert(0, 'muxed, ')
    await eventually(() => stock.text.toString() === 'muxed, from stock', 'the muxed edit')
  })

  it('ends every channel when the socket credentials end (sign-out)', async () => {
    const at = await server()
    const client = mux(at)
    const a = channel(at, client, 'mux/write/1')
    const b = channel(at, client, 'mux/read/2')
    await Promise.all([a.synced(), b.synced()])
    const closes = Promise.all([nextClose(a), nextClose(b)])
    for (const c of serverConnections(at)) c.close(CloseCode.unauthenticated, 'signed out')
    expect(await closes).toEqual([CloseCode.unauthenticated, CloseCode.unauthenticated])
  })
})

describe('limits of a multiplexed socket', () => {
  /** A raw socket on /mux, for frames no provider would send. */
  async function rawMux(at: TestServer): Promise<{ ws: WebSocket; closed: Promise<number> }> {
    const ws = new WebSocket(`ws://127.0.0.1:${at.port}${MUX_PATH}`, [
      'hearth',
      `auth.${at.token(GRANTS)}`,
    ])
    cleanups.push(() => ws.terminate())
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
    await new Promise((resolve, reject) => {
      ws.once('open', resolve)
      ws.once('error', reject)
    })
    return { ws, closed }
  }

  it('closes a socket that opens too many documents with tooManyDocuments, and only that socket', async () => {
    const at = await server({ HEARTH_MAX_DOCS_PER_SOCKET: '3' })
    const bystander = channel(at, mux(at), 'mux/write/bystander')
    await bystander.synced()
    const { ws, closed } = await rawMux(at)
    for (let n = 1; n <= 4; n++)
      ws.send(encodeControl({ op: 'open', channel: n, doc: `mux/read/${n}` }))
    expect(await closed).toBe(CloseCode.tooManyDocuments)
    bystander.text.insert(0, 'unaffected')
    await bystander.saved()
  })

  it('closes a socket that sends too many messages across its documents with rateLimited', async () => {
    const at = await server({ HEARTH_SOCKET_MESSAGE_RATE: '10', HEARTH_SOCKET_MESSAGE_BURST: '20' })
    const bystander = channel(at, mux(at), 'mux/write/calm')
    await bystander.synced()
    const { ws, closed } = await rawMux(at)
    ws.send(encodeControl({ op: 'open', channel: 1, doc: 'mux/write/a' }))
    ws.send(encodeControl({ op: 'open', channel: 2, doc: 'mux/write/b' }))
    await new Promise((r) => setTimeout(r, 100))
    const queryAwareness = (ch: number) => new Uint8Array([ch, 3])
    for (let i = 0; i < 40; i++) ws.send(queryAwareness((i % 2) + 1))
    expect(await closed).toBe(CloseCode.rateLimited)
    bystander.text.insert(0, 'unaffected')
    await bystander.saved()
  })

  it('closes a socket whose frames do not follow the protocol with malformedFrame', async () => {
    const at = await server()
    const cases: Uint8Array[] = [
      new Uint8Array([5, 0, 0]), // data on a channel never opened
      new Uint8Array([0, 9, 1]), // unknown control operation
      new Uint8Array([0, 2, 1]), // a server-only message from the client
      new Uint8Array([0, 0]), // truncated
    ]
    for (const frame of cases) {
      const { ws, closed } = await rawMux(at)
      ws.send(frame)
      expect(await closed).toBe(CloseCode.malformedFrame)
    }
    // Channel numbers must grow: reusing one is refused.
    const { ws, closed } = await rawMux(at)
    ws.send(encodeControl({ op: 'open', channel: 2, doc: 'mux/read/a' }))
    ws.send(encodeControl({ op: 'open', channel: 1, doc: 'mux/read/b' }))
    expect(await closed).toBe(CloseCode.malformedFrame)
  })

  it('drops a reader that lets the socket buffer grow past the limit, with rateLimited', async () => {
    const at = await server({ HEARTH_MAX_FRAME_BYTES: '65536', HEARTH_MAX_UPDATE_BYTES: '60000' })
    const writer = connectProvider(at.wsUrl, 'mux/write/big', at.token())
    cleanups.push(() => writer.destroy())
    await writer.synced()
    const { ws, closed } = await rawMux(at)
    ws.send(encodeControl({ op: 'open', channel: 1, doc: 'mux/write/big' }))
    // The slow phone: it stops reading, so the server's buffer for it can only grow.
    await new Promise((r) => setTimeout(r, 100))
    ;(ws as unknown as { _socket: { pause(): void } })._socket.pause()
    const dropped = () => at.logs.some((l) => l.reason === 'reader too slow')
    const chunk = 'x'.repeat(50_000)
    for (let i = 0; i < 400 && !dropped(); i++) {
      writer.text.insert(0, chunk)
      await new Promise((r) => setTimeout(r, 5))
    }
    expect(dropped()).toBe(true)
    // Once the phone reads again, it finds the close, with its code, after what was queued.
    ;(ws as unknown as { _socket: { resume(): void } })._socket.resume()
    expect(await closed).toBe(CloseCode.rateLimited)
    // The writer was never affected.
    await writer.saved()
  })
})

describe('MuxClient', () => {
  it('opens one socket for many providers, closes it after the last, and reopens on demand', async () => {
    const at = await server()
    const client = mux(at)
    const docs = ['a', 'b', 'c'].map((n) => channel(at, client, `mux/write/${n}`))
    await Promise.all(docs.map((d) => d.synced()))
    expect(client.socketsOpened).toBe(1)
    expect(client.channelCount).toBe(3)
    docs[0]!.text.insert(0, 'before')
    await docs[0]!.saved()
    for (const d of docs) d.provider.disconnect()
    expect(client.channelCount).toBe(0)
    await eventually(() => serverConnections(at).length === 0, 'the server to see the channels go')
    // The socket lingers a moment, then closes; the next document opens a new one.
    await new Promise((r) => setTimeout(r, 3_500))
    const again = channel(at, client, 'mux/write/a')
    await again.synced()
    expect(again.text.toString()).toBe('before')
    expect(client.socketsOpened).toBe(2)
  })
})
