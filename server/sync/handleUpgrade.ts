import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import type { WebSocket, WebSocketServer } from 'ws'
import { parseDocName, type DocName } from '../../shared/documents/docName.ts'
import { MUX_PATH } from '../../shared/sync/muxFrames.ts'
import { CloseCode } from '../../shared/sync/closeCodes.ts'
import type { Authorize } from '../access/authorize.ts'
import type { Authenticate } from '../auth/authenticateRequest.ts'
import type { Clock } from '../clock/clock.ts'
import type { Logger } from '../log/logger.ts'
import { personOf, type Principal } from '../auth/Principal.ts'
import { isAllowedOrigin } from '../http/isAllowedOrigin.ts'
import type { SyncServer } from './SyncServer.ts'
import { MuxSocket, type MuxLimits } from './mux/MuxSocket.ts'
import { openDocument } from './openDocument.ts'
import { wsTransport } from './wsTransport.ts'

export const SYNC_PATH = '/sync/'
const MAX_TIMER_MS = 2 ** 31 - 1

function refuse(socket: Duplex, status: number, text: string): void {
  if (socket.destroyed) return
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\n` +
      `Content-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
  )
  socket.destroy()
}

/**
 * Decides a WebSocket upgrade before any document is touched: path, Origin, credentials, then
 * the access policy. Only a 'read' or 'write' answer loads the document and opens the socket.
 */
export function createUpgradeHandler(deps: {
  sync: SyncServer
  wss: WebSocketServer
  authenticate: Authenticate
  authorize: Authorize
  allowedOrigins: ReadonlySet<string>
  allowLoopbackOrigins: boolean
  log: Logger
  /** The server's clock, for the socket's expiry. */
  now: Clock
  /** Open sockets one signed-in person may hold at once (tools' tokens are not counted). */
  maxSocketsPerPerson: number
  /** Limits of a multiplexed socket (`/mux`). */
  mux: MuxLimits
  /** The document an opened name stands for (an alias resolved), or null when unknown. */
  resolve?: (name: DocName) => DocName | null | Promise<DocName | null>
  /** Called once a document is open (a socket, or a channel of one), for the audit trail. */
  onOpened?: (principal: Principal, doc: string) => void
}) {
  const { sync, wss, authenticate, allowedOrigins, allowLoopbackOrigins, log } = deps
  return async (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    // A client that resets during the async work below must not crash the process.
    socket.on('error', () => socket.destroy())
    const url = new URL(req.url ?? '/', 'http://localhost')
    const isMux = url.pathname === MUX_PATH
    if (!isMux && !url.pathname.startsWith(SYNC_PATH)) return refuse(socket, 404, 'Not Found')
    let raw = ''
    if (!isMux) {
      try {
        raw = decodeURIComponent(url.pathname.slice(SYNC_PATH.length))
      } catch {
        return refuse(socket, 400, 'Bad Request')
      }
      if (!parseDocName(raw)) return refuse(socket, 400, 'Bad Request')
    }
    const origin = req.headers.origin
    // Browsers always send Origin; other clients (servers, tests, tools) may omit it.
    const port = req.socket.localPort
    if (
      origin !== undefined &&
      !isAllowedOrigin(origin, port, allowedOrigins, allowLoopbackOrigins)
    ) {
      log.warn({ origin }, 'upgrade refused: foreign origin')
      return refuse(socket, 403, 'Forbidden')
    }
    const auth = await authenticate(req, url)
    if (socket.destroyed) return
    if (!auth.ok) return refuse(socket, 401, 'Unauthorized')
    const { principal } = auth
    if (principal.kind !== 'token') {
      const person = personOf(principal)
      if (!sync.sockets.claim(person, deps.maxSocketsPerPerson)) {
        log.warn({ principal: principal.id }, 'upgrade refused: too many sockets')
        return refuse(socket, 429, 'Too Many Requests')
      }
      // Whatever happens next (refusal, failure, the socket's end), the place is given back.
      socket.once('close', () => sync.sockets.release(person))
    }
    if (isMux) {
      return wss.handleUpgrade(req, socket, head, (ws) => {
        const mux = new MuxSocket(ws, principal, { ...deps, limits: deps.mux })
        keepAlive(ws, principal, deps.now, (code, reason) => mux.close(code, reason))
        ws.on('message', (data: Buffer, isBinary) => {
          if (!isBinary) return mux.close(CloseCode.malformedFrame, 'text frame')
          mux.receive(data)
        })
        ws.on('error', (error) => log.debug({ err: error }, 'socket error'))
        ws.on('close', () => mux.detach())
      })
    }
    const decision = await openDocument(deps, principal, raw)
    if (!decision.ok) {
      return decision.refusal === 'failed'
        ? refuse(socket, 500, 'Internal Server Error')
        : refuse(socket, 403, 'Forbidden')
    }
    const { room, access, name } = decision
    if (socket.destroyed) return sync.release(room)
    wss.handleUpgrade(req, socket, head, (ws) => {
      const connection = sync.attach({ room, principal, access, transport: wsTransport(ws) })
      deps.onOpened?.(principal, name)
      keepAlive(ws, principal, deps.now, (code, reason) => connection.close(code, reason))
      ws.on('message', (data: Buffer, isBinary) => {
        if (!isBinary) return connection.close(CloseCode.malformedFrame, 'text frame')
        // Copy: `data` may be a view into a pooled buffer shared with other frames.
        connection.receive(new Uint8Array(data))
      })
      ws.on('error', (error) => log.debug({ err: error, conn: connection.id }, 'socket error'))
      ws.on('close', () => connection.detach())
    })
  }
}

/**
 * Closes the socket when its credentials expire, and pings it every 30 s, terminating it when
 * the previous ping went unanswered (a phone that vanished without closing).
 */
function keepAlive(
  ws: WebSocket,
  principal: Principal,
  now: Clock,
  close: (code: number, reason: string) => void,
): void {
  const expiry = setTimeout(
    () => close(CloseCode.unauthenticated, 'credentials expired'),
    Math.min(MAX_TIMER_MS, Math.max(0, principal.expiresAt - now())),
  )
  let alive = true
  const ping = setInterval(() => {
    if (!alive) return ws.terminate()
    alive = false
    ws.ping()
  }, 30_000)
  ws.on('pong', () => (alive = true))
  ws.on('close', () => {
    clearTimeout(expiry)
    clearInterval(ping)
  })
}
