import type { WebSocket } from 'ws'
import { CloseCode } from '../../../shared/sync/closeCodes.ts'
import { decodeMuxFrame, encodeControl, type MuxControl } from '../../../shared/sync/muxFrames.ts'
import type { Principal } from '../../auth/Principal.ts'
import type { Logger } from '../../log/logger.ts'
import { openDocument, type OpenDocumentDeps } from '../openDocument.ts'
import type { SyncConnection, Transport } from '../SyncConnection.ts'
import type { SyncServer } from '../SyncServer.ts'
import { TokenBucket, type Rate } from '../TokenBucket.ts'
import { buildChannelFrame, channelWireFrame, frameWriter, wireFrame } from '../wsTransport.ts'

/** What one multiplexed socket may do, across all its documents. */
export interface MuxLimits {
  /** Documents open (or opening) at once. */
  maxChannels: number
  /** Frames per second from the client, all channels and control together. */
  messageRate: Rate
  /** Bytes queued for a slow reader before the socket is dropped (it resyncs on reconnect). */
  maxBufferedBytes: number
}

export interface MuxDeps extends OpenDocumentDeps {
  sync: SyncServer
  log: Logger
  limits: MuxLimits
  /** Called once a channel is open, for the audit trail. */
  onOpened?: (principal: Principal, doc: string) => void
}

const CLOSE_GRACE_MS = 5_000

const REFUSALS = {
  'bad-name': [CloseCode.malformedFrame, 'bad document name'],
  forbidden: [CloseCode.forbidden, 'forbidden'],
  failed: [CloseCode.documentReset, 'document failed to load'],
} as const

/**
 * One member's socket carrying many documents (`/mux`, docs/SYNC-PROTOCOL.md). Each channel is
 * an ordinary `SyncConnection` with its own access decision, acknowledgements and close code;
 * closing a channel leaves the others open. The limits here are the socket's: breaking one
 * closes this socket only, with a named code.
 */
export class MuxSocket {
  readonly #ws: WebSocket
  readonly #principal: Principal
  readonly #deps: MuxDeps
  readonly #write: (frame: Buffer, next?: Buffer) => void
  readonly #rate: TokenBucket
  /** Open channels, and those whose access is still being decided (null). */
  readonly #channels = new Map<number, SyncConnection | null>()
  /** Channel numbers only grow, so a late frame for a closed channel is never misread. */
  #highest = 0
  closed = false

  constructor(ws: WebSocket, principal: Principal, deps: MuxDeps) {
    this.#ws = ws
    this.#principal = principal
    this.#deps = deps
    this.#write = frameWriter(ws)
    this.#rate = new TokenBucket(deps.limits.messageRate)
  }

  get openChannels(): number {
    return this.#channels.size
  }

  /** Handles one binary frame from the client. */
  receive(frame: Uint8Array): void {
    if (this.closed) return
    if (!this.#rate.take()) return this.close(CloseCode.rateLimited, 'too many messages')
    const decoded = decodeMuxFrame(frame)
    if (decoded.kind === 'bad') return this.close(CloseCode.malformedFrame, decoded.reason)
    if (decoded.kind === 'control') return this.#control(decoded.message)
    const { channel, payload } = decoded
    if (channel > this.#highest) return this.close(CloseCode.malformedFrame, 'channel not opened')
    const connection = this.#channels.get(channel)
    if (connection === null) {
      return this.close(CloseCode.malformedFrame, 'data before the channel opened')
    }
    // A channel the server closed a moment ago: frames already on their way are dropped.
    if (connection === undefined) return
    // Copy: the payload is a view into a frame `ws` may reuse, and updates are kept.
    connection.receive(new Uint8Array(payload))
  }

  #control(message: MuxControl): void {
    if (message.op === 'open') return void this.#open(message.channel, message.doc)
    if (message.op === 'close') {
      const connection = this.#channels.get(message.channel)
      this.#channels.delete(message.channel)
      connection?.detach()
      return
    }
    this.close(CloseCode.malformedFrame, 'server-only control message')
  }

  async #open(channel: number, doc: string): Promise<void> {
    if (channel <= this.#highest) {
      return this.close(CloseCode.malformedFrame, 'channel numbers must grow')
    }
    this.#highest = channel
    if (this.#channels.size >= this.#deps.limits.maxChannels) {
      return this.close(CloseCode.tooManyDocuments, 'too many documents open')
    }
    this.#channels.set(channel, null)
    const decision = await openDocument(this.#deps, this.#principal, doc)
    // The client gave the channel up, or the socket went, while access was decided.
    if (this.closed || this.#channels.get(channel) !== null) {
      if (decision.ok) this.#deps.sync.release(decision.room)
      return
    }
    if (!decision.ok) {
      this.#channels.delete(channel)
      const [code, reason] = REFUSALS[decision.refusal]
      return this.#sendControl({ op: 'closed', channel, code, reason })
    }
    this.#sendControl({ op: 'opened', channel })
    const connection = this.#deps.sync.attach({
      room: decision.room,
      principal: this.#principal,
      access: decision.access,
      transport: this.#transport(channel),
    })
    this.#channels.set(channel, connection)
    this.#deps.onOpened?.(this.#principal, decision.name)
  }

  #transport(channel: number): Transport {
    return {
      send: (payload) => this.#send(channelWireFrame(channel, payload)),
      sendWith: (own, payload) =>
        this.#send(buildChannelFrame(channel, own), channelWireFrame(channel, payload)),
      close: (code, reason) => {
        if (this.#channels.get(channel) === undefined) return
        this.#channels.delete(channel)
        // Credentials belong to the socket: when they end, every channel ends with them.
        if (code === CloseCode.unauthenticated || code === CloseCode.goingAway) {
          return this.close(code, reason)
        }
        this.#sendControl({ op: 'closed', channel, code, reason })
      },
      // The socket's buffer is checked once, in #send, for all channels.
      bufferedAmount: 0,
    }
  }

  #sendControl(message: MuxControl): void {
    this.#send(wireFrame(encodeControl(message)))
  }

  #send(frame: Buffer, next?: Buffer): void {
    if (this.closed) return
    if (this.#ws.bufferedAmount > this.#deps.limits.maxBufferedBytes) {
      return this.close(CloseCode.rateLimited, 'reader too slow')
    }
    this.#write(frame, next)
  }

  /** Closes the socket and every channel on it; idempotent. */
  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    if (code !== CloseCode.goingAway) {
      this.#deps.log.info(
        { principal: this.#principal.id, channels: this.#channels.size, code, reason },
        'closing multiplexed socket',
      )
    }
    this.#ws.close(code, reason)
    // A reader that stopped reading never answers the close: free its buffer soon, not after
    // the 30 s `ws` would wait.
    setTimeout(() => this.#ws.terminate(), CLOSE_GRACE_MS).unref()
    this.detach()
  }

  /** The socket went away: every channel leaves its room. */
  detach(): void {
    this.closed = true
    const open = [...this.#channels.values()]
    this.#channels.clear()
    for (const connection of open) connection?.detach()
  }
}
