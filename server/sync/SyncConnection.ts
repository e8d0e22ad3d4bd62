import type { Access } from '../../shared/access/Access.ts'
import { encodeAck, encodeNotSaved } from '../../shared/sync/ackMessages.ts'
import { CloseCode, closeCodeName } from '../../shared/sync/closeCodes.ts'
import type { Logger } from '../log/logger.ts'
import { personOf, type Principal } from '../auth/Principal.ts'
import { MissingDependencies, type DocRoom, type RoomMember } from './DocRoom.ts'
import { encodeAwarenessFrame, encodePermissionDenied, encodeStep1 } from './encodeFrames.ts'
import { parseFrame, type AwarenessEntry, type FrameLimits } from './parseFrame.ts'
import { PresenceThrottle } from './PresenceThrottle.ts'
import { presenceIdentity, stampPresence, type PresenceIdentity } from './presenceIdentity.ts'
import { TokenBucket, type Rate } from './TokenBucket.ts'
import * as Y from 'yjs'

/** The socket under a connection. A real WebSocket now; a multiplexed channel later. */
export interface Transport {
  send(frame: Uint8Array): void
  /** Sends `own` (meant for this client only) and then `frame`, in one write. */
  sendWith(own: Uint8Array, frame: Uint8Array): void
  close(code: number, reason: string): void
  readonly bufferedAmount: number
}

export interface ConnectionLimits extends FrameLimits {
  updateRate: Rate
  awarenessRate: Rate
  /** Bytes queued for a slow reader before it is dropped (it will resync on reconnect). */
  maxBufferedBytes: number
}

export interface ConnectionHooks {
  /** An update was applied: persist and relay it at the next flush. */
  onApplied(room: DocRoom<SyncConnection>): void
  /** Yjs threw half-way through an update: the room must be discarded. */
  onBroken(room: DocRoom<SyncConnection>, culprit: SyncConnection, code: CloseCode): void
  onClosed(connection: SyncConnection): void
}

let nextId = 1

/**
 * How long an acknowledgement may wait for another frame to its client to ride on before it
 * is sent alone. In a room where others type, the next relayed edit comes sooner.
 */
export const ACK_RIDE_MS = 30
/**
 * An acknowledgement goes alone rather than ride past this age of the oldest edit it covers,
 * so that "Saved" stays under 100 ms when the commit pace has stretched (CommitQueue).
 */
export const ACK_BY_MS = 75

/**
 * One client's view of one document, with the right decided at the upgrade. It decodes every
 * frame under limits before anything touches the document, and closes itself with a named
 * code on the first bad one. Independent of the socket, so one socket may later carry many.
 */
export class SyncConnection implements RoomMember {
  readonly id = nextId++
  readonly principal: Principal
  /** Who is behind the connection (kind and id): a person may take over their own presence. */
  readonly person: string
  readonly access: Exclude<Access, 'none'>
  readonly room: DocRoom<SyncConnection>
  receivedUpdates = 0
  wantsAcks = false
  closed = false

  readonly #transport: Transport
  readonly #limits: ConnectionLimits
  readonly #hooks: ConnectionHooks
  readonly #log: Logger
  readonly #updates: TokenBucket
  readonly #presence: PresenceThrottle
  readonly #identity: PresenceIdentity | null
  /** The one presence client id this connection speaks for: the first it announced of its own. */
  #clientId: number | null = null
  /** The latest count durable and not yet told (see sendAck), and its deadline. */
  #owedAck: number | null = null
  #ackTimer: NodeJS.Timeout | null = null

  constructor(args: {
    transport: Transport
    principal: Principal
    access: Exclude<Access, 'none'>
    room: DocRoom<SyncConnection>
    limits: ConnectionLimits
    hooks: ConnectionHooks
    log: Logger
  }) {
    this.#transport = args.transport
    this.principal = args.principal
    this.person = personOf(args.principal)
    this.access = args.access
    this.room = args.room
    this.#limits = args.limits
    this.#hooks = args.hooks
    this.#log = args.log
    this.#updates = new TokenBucket(args.limits.updateRate)
    this.#presence = new PresenceThrottle(args.limits.awarenessRate, (own) =>
      this.#relayPresence(own),
    )
    this.#identity = presenceIdentity(args.principal)
  }

  /** Joins the room: a writer is asked for what it has; everyone gets current presence. */
  open(): void {
    this.room.members.add(this)
    if (this.access === 'write') this.send(encodeStep1(Y.encodeStateVector(this.room.doc)))
    const presence = this.room.awareness.all()
    if (presence.length > 0) this.send(encodeAwarenessFrame(presence))
  }

  send(frame: Uint8Array): void {
    if (this.closed) return
    if (this.#transport.bufferedAmount > this.#limits.maxBufferedBytes) {
      this.close(CloseCode.rateLimited, 'reader too slow')
      return
    }
    const ack = this.#takeOwedAck()
    if (ack) this.#transport.sendWith(ack, frame)
    else this.#transport.send(frame)
  }

  /**
   * Tells the client that `count` of its updates are on the disk. The acknowledgement rides
   * the next frame to this client, or goes alone after ACK_RIDE_MS: measured at one room of
   * twelve, a write of its own for each (one more wake of the client, one more packet) was a
   * third of the server's JavaScript time, and in a room where others type the next relayed
   * edit comes within tens of milliseconds.
   */
  sendAck(count: number, since: number | null = null): void {
    if (!this.wantsAcks || this.closed) return
    this.#owedAck = count
    const age = since === null ? 0 : performance.now() - since
    const ride = Math.min(ACK_RIDE_MS, ACK_BY_MS - age)
    if (ride <= 0) return this.#sendOwedAck()
    this.#ackTimer ??= setTimeout(() => this.#sendOwedAck(), ride)
  }

  #sendOwedAck(): void {
    this.#ackTimer = null
    const ack = this.#takeOwedAck()
    if (ack) this.send(ack)
  }

  sendNotSaved(): void {
    if (this.wantsAcks) this.send(encodeNotSaved())
  }

  #takeOwedAck(): Uint8Array | null {
    if (this.#owedAck === null) return null
    const ack = encodeAck(this.#owedAck)
    this.#owedAck = null
    if (this.#ackTimer) clearTimeout(this.#ackTimer)
    this.#ackTimer = null
    return ack
  }

  /** Handles one frame. `frame` must own its buffer (see parseFrame). */
  receive(frame: Uint8Array): void {
    if (this.closed) return
    const parsed = parseFrame(frame, this.#limits)
    if (!parsed.ok) return this.close(parsed.code, parsed.reason)
    const message = parsed.message
    switch (message.type) {
      case 'sync-step1':
        return this.send(this.room.step2For(message.stateVector))
      case 'sync-update': {
        if (!this.#updates.take()) return this.close(CloseCode.rateLimited, 'too many updates')
        if (this.access !== 'write') {
          this.#log.debug(
            { conn: this.id, doc: this.room.name },
            'write refused on read connection',
          )
          return this.send(encodePermissionDenied('read-only document'))
        }
        this.receivedUpdates++
        if (!message.isEmpty) {
          if (this.room.damaged) {
            return this.close(CloseCode.documentDamaged, 'document is damaged; read-only')
          }
          if (this.room.size + message.update.byteLength > this.room.maxBytes) {
            return this.close(CloseCode.documentFull, 'document is full')
          }
          try {
            this.room.applyUpdate(message.update, this)
          } catch (error) {
            const code =
              error instanceof MissingDependencies
                ? CloseCode.unknownDependencies
                : CloseCode.malformedFrame
            return this.#hooks.onBroken(this.room, this, code)
          }
        }
        this.room.owe(this)
        return this.#hooks.onApplied(this.room)
      }
      case 'awareness': {
        if (!this.#presence.admit()) return this.close(CloseCode.rateLimited, 'too many presence')
        if (this.room.serverPresenceOnly) return
        // One client id per connection: the first it announces that is not someone else's. A
        // socket that claims more (34,816 states in 20 s from one probe) has the rest dropped.
        // Others' ids are skipped because stock clients echo the states they receive: one
        // whose own state came after a peer's echo was held to the peer's id, and nobody saw
        // its caret.
        this.#clientId ??=
          message.entries.find(
            (e) =>
              e.json !== 'null' && !this.room.awareness.heldByOther(e.clientId, this, this.person),
          )?.clientId ?? null
        const own = message.entries.filter((e) => e.clientId === this.#clientId)
        if (own.length > 0) this.#presence.offer(own)
        return
      }
      case 'query-awareness':
        return this.send(encodeAwarenessFrame(this.room.awareness.all()))
      case 'ack-request':
        this.wantsAcks = true
        return
    }
  }

  /** Closes with a named code; idempotent. Presence of this connection is withdrawn. */
  close(code: number, reason: string): void {
    if (this.closed) return
    // What is on the disk is told before the close, so the client does not send it again.
    const ack = code === CloseCode.rateLimited ? null : this.#takeOwedAck()
    if (ack) this.#transport.send(ack)
    this.closed = true
    if (code !== CloseCode.goingAway) {
      this.#log.info(
        { conn: this.id, doc: this.room.name, code: closeCodeName(code), reason },
        'closing connection',
      )
    }
    this.#transport.close(code, reason)
    this.detach()
  }

  #relayPresence(own: AwarenessEntry[]): void {
    if (this.closed) return
    const changed = this.room.awareness.apply(this, stampPresence(own, this.#identity), this.person)
    if (changed.length === 0) return
    const frame = encodeAwarenessFrame(changed)
    this.room.broadcast(frame, this)
    this.room.announce?.(frame)
  }

  /** The socket went away (or was closed): leave the room. */
  detach(): void {
    this.closed = true
    this.#presence.stop()
    this.#takeOwedAck()
    if (!this.room.members.delete(this)) return
    const removed = this.room.awareness.removeOwner(this)
    if (removed.length > 0) {
      const frame = encodeAwarenessFrame(removed)
      this.room.broadcast(frame)
      this.room.announce?.(frame)
    }
    this.#hooks.onClosed(this)
  }
}
