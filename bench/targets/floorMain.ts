import { createServer } from 'node:http'
import * as decoding from 'lib0/decoding'
import { WebSocketServer, type WebSocket } from 'ws'
import * as Y from 'yjs'
import { encodeSyncFrame as syncFrame } from '../../server/sync/encodeFrames.ts'
import type { Transport } from '../../server/sync/SyncConnection.ts'
import { wsTransport } from '../../server/sync/wsTransport.ts'

/**
 * The floor: the least a y-websocket server can do. It keeps documents in memory, applies
 * what clients send, answers sync step 1 with the state encoded once per version, and relays
 * each update message as it came to every other member of the room, one prebuilt frame written
 * to each socket. Nothing else: no awareness, no checks, no limits, no storage, no acks. What a
 * workload costs against it is what any server must pay on this machine (mostly the kernel's
 * loopback path), and what the clients cost, whichever server they talk to.
 */
interface Room {
  doc: Y.Doc
  version: number
  state: { version: number; frame: Uint8Array } | null
  members: Set<Transport>
}

const rooms = new Map<string, Room>()
const roomFor = (name: string) => {
  let room = rooms.get(name)
  if (!room) {
    room = { doc: new Y.Doc(), version: 0, state: null, members: new Set() }
    rooms.set(name, room)
  }
  return room
}

const isEmptyUpdate = (u: Uint8Array) => u.length === 2 && u[0] === 0 && u[1] === 0

function onConnection(ws: WebSocket, name: string) {
  const room = roomFor(name)
  const self = wsTransport(ws)
  const send = (frame: Uint8Array) => self.send(frame)
  room.members.add(self)
  ws.on('close', () => room.members.delete(self))
  send(syncFrame(0, Y.encodeStateVector(room.doc)))
  ws.on('message', (data: Buffer) => {
    const message = new Uint8Array(data)
    const decoder = decoding.createDecoder(message)
    if (decoding.readVarUint(decoder) !== 0) return // awareness and the rest: ignored
    const sub = decoding.readVarUint(decoder)
    const payload = decoding.readVarUint8Array(decoder)
    if (sub === 0) {
      if (payload.length > 1) return send(syncFrame(1, Y.encodeStateAsUpdate(room.doc, payload)))
      if (room.state?.version !== room.version) {
        room.state = { version: room.version, frame: syncFrame(1, Y.encodeStateAsUpdate(room.doc)) }
      }
      return send(room.state.frame)
    }
    // Each joiner answers the server's step 1 with an empty update: nothing to apply or relay.
    if (isEmptyUpdate(payload)) return
    Y.applyUpdate(room.doc, payload)
    room.version++
    const relay = sub === 2 ? message : syncFrame(2, payload)
    // Hearth's own sending: the frame is built once and written to each socket.
    for (const member of room.members) if (member !== self) member.send(relay)
  })
}

const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false })
const server = createServer((_request, response) => response.end('okay'))
server.on('upgrade', (request, socket, head) => {
  const name = (request.url ?? '/').slice(1).split('?')[0]!
  wss.handleUpgrade(request, socket, head, (ws) => onConnection(ws, name))
})
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  process.stdout.write(`${JSON.stringify({ msg: 'listening', port })}\n`)
})
