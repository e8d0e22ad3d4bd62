import { createServer } from 'node:http'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { WebSocketServer, type WebSocket } from 'ws'
import * as Y from 'yjs'

/**
 * The floor of the join storm: the least a y-websocket server can do to hand a document to a
 * joiner. It keeps documents in memory, applies what clients send, answers sync step 1 with
 * the document's state encoded once per version, and does nothing else: no awareness, no
 * relaying, no checks, no storage. What the storm costs against it is what the clients
 * (and the machine) cost, whichever server they talk to.
 */
interface FloorDoc {
  doc: Y.Doc
  version: number
  state: { version: number; frame: Buffer } | null
}

const docs = new Map<string, FloorDoc>()
const docFor = (name: string) => {
  let d = docs.get(name)
  if (!d) docs.set(name, (d = { doc: new Y.Doc(), version: 0, state: null }))
  return d
}

function syncFrame(sub: number, payload: Uint8Array): Buffer {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, sub)
  encoding.writeVarUint8Array(e, payload)
  return Buffer.from(encoding.toUint8Array(e))
}

function onConnection(ws: WebSocket, name: string) {
  const d = docFor(name)
  ws.send(syncFrame(0, Y.encodeStateVector(d.doc)))
  ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data))
    if (decoding.readVarUint(decoder) !== 0) return // awareness and the rest: ignored
    const sub = decoding.readVarUint(decoder)
    const payload = decoding.readVarUint8Array(decoder)
    if (sub === 0) {
      if (payload.length > 1) return ws.send(syncFrame(1, Y.encodeStateAsUpdate(d.doc, payload)))
      if (d.state?.version !== d.version) {
        d.state = { version: d.version, frame: syncFrame(1, Y.encodeStateAsUpdate(d.doc)) }
      }
      ws.send(d.state.frame)
    } else if (!(payload.length === 2 && payload[0] === 0 && payload[1] === 0)) {
      // Each joiner answers the server's step 1 with an empty update: not a new version.
      Y.applyUpdate(d.doc, payload)
      d.version++
    }
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
