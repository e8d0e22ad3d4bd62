import type { AddressInfo } from 'node:net'
import { WebSocket, WebSocketServer } from 'ws'
import { wsTransport } from '../server/sync/wsTransport.ts'

/**
 * CPU of one server-side send of a small frame (60 bytes, as a typed character's update) to a
 * local WebSocket, through `ws.send` and as one prebuilt frame written to the socket (Hearth's
 * `wsTransport`). Only the sending loop is timed; on loopback the kernel does the receiver's
 * TCP work inside the sender's write, so this is what one delivery costs a server at least.
 */
export async function sendCost(sockets = 40, rounds = 2_000) {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false })
  await new Promise((resolve) => wss.once('listening', resolve))
  const { port } = wss.address() as AddressInfo
  const accepted: WebSocket[] = []
  wss.on('connection', (ws) => accepted.push(ws))
  let received = 0
  const clients = Array.from({ length: sockets }, () => {
    const c = new WebSocket(`ws://127.0.0.1:${port}`)
    c.on('message', () => received++)
    return c
  })
  while (accepted.length < sockets) await new Promise((r) => setTimeout(r, 10))
  const transports = accepted.map(wsTransport)
  const run = async (mode: 'ws.send' | 'prebuilt frame') => {
    received = 0
    let cpu = 0
    for (let r = 0; r < rounds; r++) {
      const payload = new Uint8Array(60).fill(r & 255)
      const before = process.cpuUsage()
      if (mode === 'ws.send') for (const ws of accepted) ws.send(payload)
      else for (const transport of transports) transport.send(payload)
      const spent = process.cpuUsage(before)
      cpu += spent.user + spent.system
      if (r % 5 === 0) await new Promise((resolve) => setImmediate(resolve))
    }
    while (received < rounds * sockets) await new Promise((resolve) => setTimeout(resolve, 5))
    return cpu / (rounds * sockets)
  }
  const results: { mode: string; usPerSend: number }[] = []
  for (let i = 0; i < 3; i++) {
    for (const mode of ['ws.send', 'prebuilt frame'] as const) {
      results.push({ mode, usPerSend: await run(mode) })
    }
  }
  for (const c of clients) c.close()
  wss.close()
  return results
}
