import { createServer } from 'node:http'
import { setupWSConnection } from '@y/websocket-server/utils'
import { WebSocketServer } from 'ws'

/**
 * The y-websocket reference server as its own `server.js` starts it (documents in memory only,
 * or in LevelDB when `YPERSISTENCE` names a folder), except that it listens on 127.0.0.1 at a
 * free port and prints one JSON line with the port.
 */
const wss = new WebSocketServer({ noServer: true })
const server = createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' })
  response.end('okay')
})
wss.on('connection', setupWSConnection)
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request))
})
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  process.stdout.write(`${JSON.stringify({ msg: 'listening', port })}\n`)
})
