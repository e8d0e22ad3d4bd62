import type { DocName } from '../../shared/documents/docName.ts'
import type { AccessEvent, ChatEvent, Fanout, FanoutHandlers } from '../fanout/Fanout.ts'
import type { Logger } from '../log/logger.ts'
import type { DocStore } from '../store/DocStore.ts'
import type { AccessScope } from './accessScope.ts'
import { compactRoom } from './compactRoom.ts'
import type { DocRoom } from './DocRoom.ts'
import { encodeAwarenessFrame, encodeUpdate } from './encodeFrames.ts'
import { parseFrame, type FrameLimits } from './parseFrame.ts'
import type { SyncConnection } from './SyncConnection.ts'

type Room = DocRoom<SyncConnection>

/** What the link needs of the sync server whose rooms it joins to the other instances. */
export interface LinkedRooms {
  /** The loaded room of `name`, if any. */
  live(name: DocName): Room | undefined
  all(): Iterable<Room>
  /** An update from another instance failed half-way here: drop the room (members resync). */
  discard(room: Room): void
  /** Access changes made elsewhere, applied to this instance's sockets only. */
  closeLogins(loginHashes: string[]): void
  reauthorize(scope: AccessScope): Promise<void>
  /** Drops a document another instance deleted, and deletes what this one stored since. */
  forget(name: DocName): Promise<void>
  /** What another instance's chat kept in memory (who types, who wrote what). */
  chat(event: ChatEvent): void
}

/**
 * When a room with updates still waiting for their dependencies reads the store again. Other
 * instances publish an update only once it is stored, in commit order; so one arrives before
 * its dependency only when a message was missed (Redis away, a document still unsubscribed),
 * and the store has the dependency.
 */
const CATCH_UP_AFTER_MS = [50, 250, 1_000, 4_000]
/** After Redis comes back, open rooms read the store now and once more, for commits then in flight. */
const RESYNC_AGAIN_MS = 1_000

/**
 * Joins one instance's rooms to the other instances serving the same documents (issue 21):
 * publishes what this instance has stored, applies (never stores) what the others stored, and
 * falls back on the store, which holds every acknowledged update, whenever a message may have
 * been missed: a document that was loading, an update whose dependencies have not arrived, a
 * link to Redis lost and back, and before every fold of the log.
 */
export class InstanceLink {
  readonly handlers: FanoutHandlers
  readonly #store: DocStore
  readonly #log: Logger
  readonly #rooms: LinkedRooms
  readonly #limits: FrameLimits
  #fanout: Fanout | null = null
  /** Updates for documents being loaded, applied once they are. */
  readonly #loading = new Map<DocName, Uint8Array[]>()
  readonly #follows = new Map<DocName, number>()
  readonly #catchUps = new Map<DocName, NodeJS.Timeout>()

  constructor(opts: { store: DocStore; log: Logger; rooms: LinkedRooms; limits: FrameLimits }) {
    this.#store = opts.store
    this.#log = opts.log
    this.#rooms = opts.rooms
    this.#limits = opts.limits
    this.handlers = {
      update: (doc, update) => this.#remoteUpdate(doc, update),
      presence: (doc, frame) => this.#remotePresence(doc, frame),
      access: (event) => void this.#remoteAccess(event),
      resync: () => this.#resync(),
    }
  }

  /** Set once, before the first room opens (the fanout needs `handlers` to be made). */
  connect(fanout: Fanout): void {
    this.#fanout = fanout
  }

  /**
   * Starts receiving `name`'s messages; called before the store is read. Others publish an
   * update once it is stored, so any update is in the read or arrives after it (kept until
   * `loaded`), or both (applying twice changes nothing).
   */
  async follow(name: DocName): Promise<void> {
    this.#loading.set(name, [])
    const count = this.#follows.get(name) ?? 0
    this.#follows.set(name, count + 1)
    if (count === 0) await this.#subscribe(name)
  }

  /**
   * Subscribes to `name`'s channel. Redis away is not the document's failure: it opens from
   * the store, and when Redis is back every followed channel is subscribed again and every
   * open room read again (`resync`).
   */
  async #subscribe(name: DocName): Promise<void> {
    try {
      await this.#fanout?.follow(name)
    } catch (error) {
      this.#log.warn({ err: (error as Error).message, doc: name }, 'follow failed; redis away?')
    }
  }

  /** The room is loaded: what arrived meanwhile is applied, and its presence is shared. */
  loaded(room: Room): void {
    const buffered = this.#loading.get(room.name) ?? []
    this.#loading.delete(room.name)
    for (const update of buffered) {
      if (!this.#apply(room, update)) return
    }
    room.announce = (frame) => this.#fanout?.publishPresence(room.name, frame)
    if (room.hasPendingStructs) this.#catchUpSoon(room.name)
  }

  /** The room is gone (unloaded, discarded, deleted, or its load failed). */
  unfollow(name: DocName): void {
    this.#loading.delete(name)
    const timer = this.#catchUps.get(name)
    if (timer) clearTimeout(timer)
    this.#catchUps.delete(name)
    const count = (this.#follows.get(name) ?? 1) - 1
    if (count > 0) return void this.#follows.set(name, count)
    this.#follows.delete(name)
    this.#fanout?.unfollow(name).catch((error: Error) => {
      this.#log.warn({ err: error.message, doc: name }, 'unfollow failed')
    })
  }

  publishUpdate(name: DocName, update: Uint8Array): void {
    this.#fanout?.publishUpdate(name, update)
  }

  publishAccess(event: AccessEvent): void {
    this.#fanout?.publishAccess(event)
  }

  /**
   * Folds the log of a document that other instances write too. Relayed updates carry no place
   * in the log, so the room first reads the store and applies every row: the fold then covers
   * exactly what the store held, and never drops a row this instance had not yet seen. A room
   * still waiting for dependencies is not folded (a snapshot would carry them unresolved).
   */
  async fold(room: Room): Promise<void> {
    // Waiting for dependencies: no fold (and no read of the whole log at every commit) until
    // the catch-up resolves them.
    if (room.broken || room.damaged || room.hasPendingStructs) return
    const upTo = await this.#catchUp(room)
    if (upTo === null || room.hasPendingStructs) return
    room.lastSeq = Math.max(room.lastSeq, upTo)
    await compactRoom(room, this.#store, this.#log)
  }

  async close(): Promise<void> {
    for (const timer of this.#catchUps.values()) clearTimeout(timer)
    this.#catchUps.clear()
    await this.#fanout?.close()
  }

  /**
   * Applies what the store holds for `room` and relays what was new here; returns the place of
   * the newest row read, or null when some row did not open (its damage is the load's to tell).
   */
  async #catchUp(room: Room): Promise<number | null> {
    const stored = await this.#store.load(room.name)
    if (stored.rejected || room.broken) return null
    for (const row of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) {
      if (!this.#apply(room, row, true)) return null
    }
    return stored.lastSeq
  }

  /**
   * Applies an update stored elsewhere and relays it (with `exact`, only what was new here);
   * false if the room broke.
   */
  #apply(room: Room, update: Uint8Array, exact = false): boolean {
    try {
      const changed = room.applyRemote(update, exact)
      if (changed) room.broadcast(encodeUpdate(changed))
      return true
    } catch (error) {
      this.#log.warn({ doc: room.name, err: (error as Error).name }, 'relayed update failed here')
      this.#rooms.discard(room)
      return false
    }
  }

  #remoteUpdate(name: DocName, update: Uint8Array): void {
    const buffered = this.#loading.get(name)
    if (buffered) return void buffered.push(update)
    const room = this.#rooms.live(name)
    if (!room || room.broken) return
    if (this.#apply(room, update) && room.hasPendingStructs) this.#catchUpSoon(name)
  }

  #remotePresence(name: DocName, frame: Uint8Array): void {
    const room = this.#rooms.live(name)
    if (!room || room.broken || room.serverPresenceOnly) return
    const parsed = parseFrame(frame, this.#limits)
    if (!parsed.ok || parsed.message.type !== 'awareness') return
    const changed = room.awareness.applyRemote(parsed.message.entries)
    if (changed.length > 0) room.broadcast(encodeAwarenessFrame(changed))
  }

  async #remoteAccess(event: AccessEvent): Promise<void> {
    if (event.kind === 'logins-ended') return this.#rooms.closeLogins(event.loginHashes)
    if (event.kind !== 'reauthorize' && event.kind !== 'forgotten') {
      return this.#rooms.chat(event)
    }
    try {
      if (event.kind === 'forgotten') {
        for (const name of event.docs) await this.#rooms.forget(name as DocName)
        return
      }
      await this.#rooms.reauthorize(event.scope)
    } catch (error) {
      this.#log.error({ err: error }, 'deciding sockets again failed')
    }
  }

  #resync(): void {
    for (const name of this.#follows.keys()) void this.#subscribe(name)
    for (const room of this.#rooms.all()) {
      this.#catchUpSoon(room.name, 0, true)
      setTimeout(() => this.#catchUpSoon(room.name, 0, true), RESYNC_AGAIN_MS).unref()
    }
  }

  /** Reads the store for `name` soon, and again later while updates still wait there. */
  #catchUpSoon(name: DocName, attempt = 0, always = false): void {
    if (this.#catchUps.has(name)) return
    const delay = always && attempt === 0 ? 0 : CATCH_UP_AFTER_MS[attempt]
    if (delay === undefined) {
      this.#log.warn({ doc: name }, 'updates still wait for changes no instance has stored')
      return
    }
    const timer = setTimeout(() => {
      this.#catchUps.delete(name)
      const room = this.#rooms.live(name)
      if (!room || (!always && !room.hasPendingStructs)) return
      this.#catchUp(room).then(
        () => room.hasPendingStructs && this.#catchUpSoon(name, attempt + 1),
        (error: unknown) => {
          this.#log.warn({ err: error, doc: name }, 'reading the store again failed')
          this.#catchUpSoon(name, attempt + 1, always)
        },
      )
    }, delay)
    timer.unref()
    this.#catchUps.set(name, timer)
  }
}
