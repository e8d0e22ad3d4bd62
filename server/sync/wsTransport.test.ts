import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import { wsTransport } from './wsTransport.ts'

let wss: WebSocketServer | null = null
afterEach(() => wss?.close())

/** A real `ws` server and client; resolves with the server's transport and the client. */
async function pair() {
  wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false })
  await new Promise((resolve) => wss!.once('listening', resolve))
  const { port } = wss.address() as { port: number }
  const accepted = new Promise<WebSocket>((resolve) => wss!.once('connection', resolve))
  const client = new WebSocket(`ws://127.0.0.1:${port}`)
  const server = await accepted
  await new Promise((resolve) => client.once('open', resolve))
  return { transport: wsTransport(server), server, client }
}

describe('wsTransport', () => {
  it('delivers frames of every length encoding intact and in order, interleaved with ws frames', async () => {
    const { transport, server, client } = await pair()
    const sizes = [0, 1, 125, 126, 65_535, 65_536, 300_000]
    const payloads = sizes.map((n, i) =>
      Uint8Array.from({ length: n }, (_, k) => (k * 31 + i) & 255),
    )
    const received: Buffer[] = []
    const all = new Promise<void>((resolve) =>
      client.on('message', (data: Buffer, isBinary) => {
        expect(isBinary).toBe(true)
        received.push(data)
        if (received.length === payloads.length + 1) resolve()
      }),
    )
    transport.send(payloads[0]!)
    transport.send(payloads[1]!)
    server.send(Uint8Array.of(9, 9, 9)) // through ws itself, between ours
    for (const p of payloads.slice(2)) transport.send(p)
    await all
    const expected = [payloads[0]!, payloads[1]!, Uint8Array.of(9, 9, 9), ...payloads.slice(2)]
    expect(received.length).toBe(expected.length)
    expected.forEach((bytes, i) => expect(received[i]!.equals(Buffer.from(bytes))).toBe(true))
    client.close()
  })

  it('sends a large payload intact and reports what is buffered', async () => {
    const a = await pair()
    const payload = new Uint8Array(100_000).fill(7)
    const got = new Promise<Buffer>((resolve) => a.client.once('message', resolve))
    a.transport.send(payload)
    expect(a.transport.bufferedAmount).toBeGreaterThanOrEqual(0)
    expect((await got).equals(Buffer.from(payload))).toBe(true)
    a.client.close()
  })

  it('drops frames once the socket is closing instead of writing after the close frame', async () => {
    const { transport, client } = await pair()
    const messages: Buffer[] = []
    client.on('message', (d: Buffer) => messages.push(d))
    const closed = new Promise<number>((resolve) => client.once('close', resolve))
    transport.close(4000, 'bye')
    transport.send(Uint8Array.of(1, 2, 3))
    expect(await closed).toBe(4000)
    expect(messages).toEqual([])
  })
})
