import type * as Y from 'yjs'
import type { DocName } from '../../shared/documents/docName.ts'
import { CloseCode } from '../../shared/sync/closeCodes.ts'
import type { Principal } from '../auth/Principal.ts'
import type { ChatEvent, Fanout, FanoutHandlers } from '../fanout/Fanout.ts'
import type { AccessScope } from './accessScope.ts'
import { CommitQueue, type CommitItem } from './CommitQueue.ts'
import { compactRoom, hasLogToFold } from './compactRoom.ts'
import type { DocRoom } from './DocRoom.ts'
import { InstanceLink } from './InstanceLink.ts'
import type { SyncServerOptions } from './SyncServerOptions.ts'
import { LatencyRecorder } from './LatencyRecorder.ts'
import { loadRoom } from './loadRoom.ts'
import { SocketClaims } from './SocketClaims.ts'
import { closeLoginsOf, reauthorizeIn } from './socketAccess.ts'
import { SyncConnection, type ConnectionHooks, type Transport } from './SyncConnection.ts'

/**
 * The document registry and its write path. Updates are applied on arrival; once per tick of
 * the event loop, every room's new updates are relayed (one frame per room, encoded once) and
 * queued; the queue is committed in one transaction whenever no commit is in flight, then
 * acknowledged to the writers. Fan-out never waits for fsync; "Saved" does.
 */
export class SyncServer {
  readonly #opts: SyncServerOptions
  readonly #rooms = new Map<DocName, Promise<DocRoom<SyncConnection>>>()
  readonly #loadedRooms = new Map<DocName, DocRoom<SyncConnection>>()
  readonly #dirty = new Set<DocRoom<SyncConnection>>()
  readonly #commits: CommitQueue
  readonly #hooks: ConnectionHooks
  /**
   * How long the server itself takes, from beginning to apply an update to having written its
   * relay to every member (`relay`) and to having acknowledged it as durable (`durable`).
   * Clients add their own network and processing time to these.
   */
  readonly latency = { relay: new LatencyRecorder(), durable: new LatencyRecorder() }
  /**
   * Joins and document changes since start: how busy the server is (see reclaimWhenQuiet).
   * Presence renewals, which idle clients send every 15 s, do not count.
   */
  activity = 0
  /** Sockets held per person, against the cap (`HEARTH_MAX_SOCKETS_PER_PERSON`). */
  readonly sockets = new SocketClaims()
  /** Called after each flush with the documents that changed (for server-side mirrors). */
  onChanged: ((names: DocName[]) => void) | null = null
  /** Called with what another instance's chat keeps in memory (server/chat/chatState.ts). */
  onChatEvent: ((event: ChatEvent) => void) | null = null
  #flushScheduled = false
  #closing = false
  /** The other instances serving the same documents, when there are any (see `link`). */
  #link: InstanceLink | null = null

  constructor(opts: SyncServerOptions) {
    this.#opts = opts
    this.#hooks = {
      onApplied: (room) => this.#markDirty(room),
      onBroken: (room, culprit, code) => this.#discard(room, culprit, code),
      onClosed: (connection) => this.#maybeIdle(connection.room),
    }
    this.#commits = new CommitQueue({
      store: opts.store,
      log: opts.log,
      compaction: opts.compaction,
      commitIntervalMs: opts.commitIntervalMs ?? 0,
      durable: this.latency.durable,
      afterCommit: (rooms) => rooms.forEach((room) => this.#maybeIdle(room)),
      compact: (room) => this.#compact(room),
      // Other instances get an update only once it is stored: were it relayed sooner and this
      // instance died before its commit, they would hold it in memory only, and its writer,
      // reconnecting to one of them, would not send it again (their state already has it).
      durableUpdate: (room, update) => this.#link?.publishUpdate(room.name, update),
      mayStretch: () => !this.#link,
    })
  }

  /**
   * Joins this instance to the others that serve the same documents from the same store (issue
   * 21). Call before the first room opens; `connect` makes the fanout for the given handlers.
   */
  async link(connect: (handlers: FanoutHandlers) => Fanout | Promise<Fanout>): Promise<void> {
    const link = new InstanceLink({
      store: this.#opts.store,
      log: this.#opts.log,
      limits: this.#opts.limits,
      rooms: {
        live: (name) => this.#loadedRooms.get(name),
        all: () => this.#loaded(),
        discard: (room) => this.#discard(room, null, CloseCode.documentReset),
        closeLogins: (hashes) =>
          closeLoginsOf(this.connections(), new Set(hashes), CloseCode.unauthenticated),
        reauthorize: (scope) => this.#reauthorizeHere(scope),
        forget: (name) => this.#forgetHere(name),
        chat: (event) => this.onChatEvent?.(event),
      },
    })
    link.connect(await connect(link.handlers))
    this.#link = link
  }

  /**
   * Loads (or finds) the room and reserves it for one connection that is about to attach.
   * Call `attach` or `release` afterwards.
   */
  async reserve(name: DocName): Promise<DocRoom<SyncConnection>> {
    for (;;) {
      let entry = this.#rooms.get(name)
      if (!entry) {
        entry = this.#load(name)
        this.#rooms.set(name, entry)
        entry.catch(() => this.#rooms.delete(name))
      }
      const room = await entry
      if (this.#rooms.get(name) !== entry || room.broken) continue
      room.holds++
      this.#cancelIdle(room)
      return room
    }
  }

  release(room: DocRoom<SyncConnection>): void {
    room.holds--
    this.#maybeIdle(room)
  }

  attach(args: {
    room: DocRoom<SyncConnection>
    transport: Transport
    principal: Principal
    access: 'write' | 'read'
  }): SyncConnection {
    const connection = new SyncConnection({
      ...args,
      limits: this.#opts.limits,
      hooks: this.#hooks,
      log: this.#opts.log,
    })
    args.room.holds--
    this.activity++
    connection.open()
    return connection
  }

  /** Every open connection, across rooms. */
  *connections(): Generator<SyncConnection> {
    for (const room of this.#loaded()) yield* room.members
  }

  /**
   * Closes the sockets of these logins at once (logout, removal, expiry: C4, C16), on this
   * instance and on every other.
   */
  closeLogins(loginHashes: Iterable<string>, code: CloseCode = CloseCode.unauthenticated): number {
    const ended = new Set(loginHashes)
    if (ended.size > 0) this.#link?.publishAccess({ kind: 'logins-ended', loginHashes: [...ended] })
    return closeLoginsOf(this.connections(), ended, code)
  }

  /**
   * Decides again for every open connection in `scope`, on this instance and on every other,
   * after a change of role, admission, consent or session state. Losing all access closes with
   * `forbidden`; losing or gaining write closes with `documentReset`, so the client reconnects
   * and is let in as it now may.
   */
  async reauthorize(scope: AccessScope): Promise<void> {
    this.#link?.publishAccess({ kind: 'reauthorize', scope })
    await this.#reauthorizeHere(scope)
  }

  #reauthorizeHere(scope: AccessScope): Promise<void> {
    const authorize = this.#opts.authorize
    if (!authorize) throw new Error('reauthorize needs the access policy (SyncServerOptions)')
    return reauthorizeIn(this.connections(), scope, authorize)
  }

  /**
   * Unloads `name` as soon as its last connection has gone (waiting up to `waitMs` for that),
   * instead of after the idle delay: for the start-up warm-up's scratch document.
   */
  async unloadNow(name: DocName, waitMs = 1_000): Promise<void> {
    const room = await this.#rooms.get(name)?.catch(() => null)
    if (!room) return
    const until = performance.now() + waitMs
    while ((room.members.size > 0 || room.holds > 0) && performance.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    if (room.members.size > 0 || room.holds > 0) return
    this.#cancelIdle(room)
    await this.#unload(room)
  }

  /** Tells the other instances what the chat keeps in memory (they keep the same). */
  shareChatEvent(event: ChatEvent): void {
    this.#link?.publishAccess(event)
  }

  /**
   * Deletes `name` and its whole history (retention, erasure): closes its connections, drops
   * the room without saving it, lets what was already queued commit, then deletes it from the
   * store. A later open starts from nothing.
   */
  async forget(name: DocName): Promise<void> {
    await this.#forgetHere(name)
    // Another instance may hold it open, its members still writing: it drops it too, and
    // deletes again once its own commits have settled, so no row of it outlives this.
    this.#link?.publishAccess({ kind: 'forgotten', docs: [name] })
  }

  async #forgetHere(name: DocName): Promise<void> {
    const room = await this.#rooms.get(name)?.catch(() => null)
    if (room) {
      room.broken = true
      this.#rooms.delete(name)
      this.#drop(room)
      this.#cancelIdle(room)
      for (const member of [...room.members]) member.close(CloseCode.forbidden, 'document deleted')
    }
    await this.drain()
    await this.#opts.store.delete(name)
    room?.doc.destroy()
  }

  /**
   * Folds `name`'s log into one snapshot now, so that content deleted from the document is
   * gone from the store too (Yjs keeps no deleted text in a snapshot; the old updates did).
   */
  async compactNow(name: DocName): Promise<void> {
    const room = await this.reserve(name)
    try {
      await this.drain()
      if (hasLogToFold(room)) await this.#compact(room)
    } finally {
      this.release(room)
    }
  }

  /**
   * The documents stored under `prefix` (`DocStore.names`). Only what is committed: a caller
   * that needs what was accepted so far `drain`s first.
   */
  storedNames(prefix: string): Promise<DocName[]> {
    return this.#opts.store.names(prefix)
  }

  /** Open rooms, for tests. */
  get openRooms(): number {
    return this.#rooms.size
  }

  readonly #damaged = new Set<DocName>()

  /**
   * What health reports: whether commits are failing (with SQLite's code), and how many
   * documents were found damaged when loaded (their names are in the error log).
   */
  health(): { commitsFailing: string | null; damagedDocuments: number } {
    return {
      commitsFailing: this.#commits.failing?.code ?? null,
      damagedDocuments: this.#damaged.size,
    }
  }

  /** Commits everything applied so far; resolves when no write is pending or in flight. */
  async drain(): Promise<void> {
    while (this.#dirty.size > 0 || this.#flushScheduled || !this.#commits.idle) {
      if (this.#dirty.size > 0 || this.#flushScheduled) this.#flush()
      else await this.#commits.settle()
    }
  }

  /**
   * Flushes, closes every connection with "going away", compacts what was written, and leaves
   * the store to the caller.
   */
  async close(): Promise<void> {
    this.#closing = true
    this.#commits.commitNow(true)
    await this.drain()
    for (const entry of this.#rooms.values()) {
      const room = await entry.catch(() => null)
      if (!room) continue
      for (const member of [...room.members])
        member.close(CloseCode.goingAway, 'server shutting down')
      if (room.idleTimer) clearTimeout(room.idleTimer)
    }
    await this.drain()
    // Leave every document compact, so that the first join after a restart loads one snapshot
    // instead of replaying up to a few hundred rows.
    for (const room of this.#loaded()) {
      if (hasLogToFold(room)) await this.#compact(room)
    }
    this.#commits.stop()
    this.#rooms.clear()
    this.#loadedRooms.clear()
    await this.#link?.close()
  }

  /** Rooms already loaded (not those still loading). */
  #loaded(): DocRoom<SyncConnection>[] {
    return [...this.#loadedRooms.values()]
  }

  /** Forgets a room that is no longer the loaded one of its name. */
  #drop(room: DocRoom<SyncConnection>): void {
    if (this.#loadedRooms.get(room.name) !== room) return
    this.#loadedRooms.delete(room.name)
    this.#link?.unfollow(room.name)
  }

  async #load(name: DocName): Promise<DocRoom<SyncConnection>> {
    // A discarded room of the same name may still have updates on their way to the store.
    await this.drain()
    await this.#link?.follow(name)
    try {
      const { room, damage } = await loadRoom(name, this.#opts)
      if (damage) {
        // Loud, named, and read-only: writing on top would bury what is left of it.
        this.#opts.log.error({ doc: name, ...damage }, 'document is damaged; serving it read-only')
        this.#damaged.add(name)
      } else {
        this.#damaged.delete(name)
      }
      this.#loadedRooms.set(name, room)
      this.#link?.loaded(room)
      return room
    } catch (error) {
      this.#link?.unfollow(name)
      throw error
    }
  }

  /**
   * Reads a document on the server's behalf (export, search, snapshots, mirrored answers):
   * loads it if needed (seeded like any first open), gives it to `read`, and lets it go.
   */
  async serverRead<T>(name: DocName, read: (doc: Y.Doc) => T): Promise<T> {
    const room = await this.reserve(name)
    try {
      return read(room.doc)
    } finally {
      this.release(room)
    }
  }

  /**
   * Writes to a document on the server's authority (chat, signals): loads it if needed, applies
   * `mutate` in one transaction, then persists and relays it at the next flush. False when the
   * document is damaged and nothing was written.
   */
  async serverWrite(name: DocName, mutate: (doc: Y.Doc) => void): Promise<boolean> {
    const room = await this.reserve(name)
    try {
      const written = room.serverWrite(mutate)
      this.#markDirty(room)
      return written
    } finally {
      this.release(room)
    }
  }

  /** Sets the server's presence state on `name` if it is open (else nobody is there to tell). */
  async setPresence(name: DocName, state: object | null): Promise<void> {
    const room = await this.#rooms.get(name)?.catch(() => null)
    if (room && !room.broken) room.setServerPresence(state)
  }

  #markDirty(room: DocRoom<SyncConnection>): void {
    this.activity++
    this.#dirty.add(room)
    if (!this.#flushScheduled) {
      this.#flushScheduled = true
      setImmediate(() => this.#flush())
    }
  }

  /**
   * Once per tick: relay every room's new updates now (one frame per room, encoded once), and
   * queue them for the next commit. Relaying never waits for a commit in flight.
   */
  #flush(): void {
    this.#flushScheduled = false
    if (this.#dirty.size > 0) {
      const items: CommitItem[] = []
      for (const room of this.#dirty) {
        const { batch, update } = room.flush()
        if (update && !room.broken && batch.since !== null) {
          this.latency.relay.record(performance.now() - batch.since)
        }
        items.push({ room, batch, update })
      }
      this.#dirty.clear()
      const changed = items.filter((i) => i.update && !i.room.broken).map((i) => i.room.name)
      if (changed.length > 0) this.onChanged?.(changed)
      this.#commits.push(items)
    }
  }

  #compact(room: DocRoom<SyncConnection>): Promise<void> {
    if (this.#link) return this.#link.fold(room)
    return compactRoom(room, this.#opts.store, this.#opts.log)
  }

  /**
   * An update failed half-way or left dependencies missing: drop the in-memory copy (the store
   * holds only complete updates) and make every client resync.
   */
  #discard(room: DocRoom<SyncConnection>, culprit: SyncConnection | null, code: CloseCode): void {
    room.broken = true
    this.#opts.log.warn(
      { doc: room.name, conn: culprit?.id },
      'update failed half-way; discarding room',
    )
    this.#rooms.delete(room.name)
    this.#drop(room)
    culprit?.close(code, 'update rejected')
    for (const member of [...room.members]) member.close(CloseCode.documentReset, 'document reset')
    if (room.hasPending) this.#markDirty(room)
  }

  #cancelIdle(room: DocRoom<SyncConnection>): void {
    if (room.idleTimer) clearTimeout(room.idleTimer)
    room.idleTimer = null
  }

  #maybeIdle(room: DocRoom<SyncConnection>): void {
    if (this.#closing || room.broken || room.members.size > 0 || room.holds > 0 || room.idleTimer)
      return
    room.idleTimer = setTimeout(() => void this.#unload(room), this.#opts.idleUnloadMs)
    room.idleTimer.unref()
  }

  async #unload(room: DocRoom<SyncConnection>): Promise<void> {
    room.idleTimer = null
    const busy = () => room.members.size > 0 || room.holds > 0 || room.broken
    await this.drain()
    if (busy()) return
    // Leave a compact log behind so the next load is quick.
    if (hasLogToFold(room)) await this.#compact(room)
    const entry = this.#rooms.get(room.name)
    if (busy() || !entry || (await entry) !== room) return
    this.#rooms.delete(room.name)
    this.#drop(room)
    room.doc.destroy()
  }
}
