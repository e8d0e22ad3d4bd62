import * as Y from 'yjs'
import type { DocName } from '../../shared/documents/docName.ts'
import { encodeAwarenessFrame, encodeStep2, encodeUpdate } from './encodeFrames.ts'
import { RoomAwareness } from './RoomAwareness.ts'

/** The part of a connection a room needs: where to send, and how many updates it has sent. */
export interface RoomMember {
  send(frame: Uint8Array): void
  /** The commit that held this member's edits failed: tell them they are not saved (yet). */
  sendNotSaved(): void
  readonly receivedUpdates: number
  readonly wantsAcks: boolean
  readonly closed: boolean
}

/** What one flush takes from a room: its updates and whom to acknowledge afterwards. */
export interface PendingBatch<M extends RoomMember> {
  updates: Uint8Array[]
  /** Each writer, with the count of its update messages that this batch makes durable. */
  acks: Map<M, number>
  /** When the server began applying the batch's oldest update (performance.now()), or null. */
  since: number | null
}

const EMPTY_STATE_VECTOR = 1
/** The transaction origin of updates relayed from another instance. */
const REMOTE = Symbol('remote')

/** Whether every struct of `update` is now in `doc` (none of it waits as pending). */
function integrated(doc: Y.Doc, update: Uint8Array): boolean {
  for (const [client, clock] of Y.parseUpdateMeta(update).to) {
    if (Y.getState(doc.store, client) < clock) return false
  }
  return true
}
/** The presence client id the server speaks under (a browser's is random and never 0). */
export const SERVER_PRESENCE_ID = 0

/** An update referred to changes this document does not have. */
export class MissingDependencies extends Error {
  constructor() {
    super('update depends on unknown changes')
    this.name = 'MissingDependencies'
  }
}

/**
 * One open document: the live Y.Doc, its connections, presence, and the updates applied since
 * the last flush. Every method is synchronous; persistence is the SyncServer's job.
 */
export class DocRoom<M extends RoomMember> {
  readonly name: DocName
  readonly doc: Y.Doc
  readonly awareness = new RoomAwareness<M>()
  readonly members = new Set<M>()
  /** Set when an update failed half-way: the in-memory copy can no longer be trusted. */
  broken = false
  /**
   * Set when its stored rows did not load whole (a lost or unreadable row): it is served to
   * read, and every write is refused with `documentDamaged`, until an operator restores it.
   */
  damaged = false
  /**
   * Only the server sets presence here: clients' states are dropped (on the chat, who is
   * typing is told as the group's identity policy allows, never by a client's own state).
   */
  serverPresenceOnly = false
  #serverPresenceClock = 0
  /**
   * Told every presence frame this instance's members changed, to pass to the other instances
   * that serve this document (null with one instance).
   */
  announce: ((frame: Uint8Array) => void) | null = null
  /** Connections accepted at the upgrade but not yet attached; the room stays loaded for them. */
  holds = 0
  idleTimer: NodeJS.Timeout | null = null
  /** Store bookkeeping, for compaction. */
  lastSeq: number
  rowsSinceSnapshot: number
  bytesSinceSnapshot: number
  /**
   * Client updates folded into those rows. A burst of edits lands in few rows (one per tick),
   * yet loading them costs per update; compaction watches both.
   */
  updatesSinceSnapshot: number
  /** Bytes of stored state (snapshot and log), roughly: what the size cap is checked against. */
  size: number
  /** The size cap of this document (`DOC_BYTE_CAPS` by kind). */
  readonly maxBytes: number

  #pending: Uint8Array[] = []
  #pendingSince: number | null = null
  #acks = new Map<M, number>()
  #version = 0
  #fullState: { version: number; frame: Uint8Array } | null = null

  constructor(
    name: DocName,
    doc: Y.Doc,
    stored: { lastSeq: number; rows: number; bytes: number; snapshotBytes?: number },
    maxBytes = Number.POSITIVE_INFINITY,
  ) {
    this.name = name
    this.doc = doc
    this.size = (stored.snapshotBytes ?? 0) + stored.bytes
    this.maxBytes = maxBytes
    this.lastSeq = stored.lastSeq
    this.rowsSinceSnapshot = stored.rows
    this.bytesSinceSnapshot = stored.bytes
    this.updatesSinceSnapshot = stored.rows
  }

  /**
   * Applies a validated update from `from`. Throws if Yjs rejects it or it has unknown
   * dependencies; the caller must then treat the room as broken, since Yjs cannot roll back a
   * half-applied update.
   */
  applyUpdate(update: Uint8Array, from: M): void {
    const started = performance.now()
    const hadPending = this.hasPendingStructs
    Y.applyUpdate(this.doc, update, from)
    // A well-behaved client only sends updates whose dependencies the server has. Pending
    // structs would be kept, encoded into every later sync, and (seen in the fuzz test) can make
    // the document impossible to load; so the update is refused and the room discarded. When
    // another instance's update already waits here for its own dependencies (see applyRemote),
    // only this update's structs are checked.
    if (hadPending ? !integrated(this.doc, update) : this.hasPendingStructs) {
      throw new MissingDependencies()
    }
    this.#version++
    this.#pending.push(update)
    this.size += update.byteLength
    this.#pendingSince ??= started
  }

  /**
   * Applies an update another instance has stored (so it is never queued here), and returns
   * what to relay to this instance's members, or null when it changed nothing here. With
   * `exact`, that is only what was new (a row read back from the store, mostly known already);
   * otherwise the update itself, which spares encoding the change again on every relay. When a
   * message before it was missed, it waits for its dependencies (`hasPendingStructs`) until
   * `SyncServer` reads them from the store.
   */
  applyRemote(update: Uint8Array, exact = false): Uint8Array | null {
    let changed: Uint8Array | null = null
    const grab = (effect: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) changed = changed ? Y.mergeUpdates([changed, effect]) : effect
    }
    const look = (tr: Y.Transaction) => {
      if (tr.origin !== REMOTE) return
      if (tr.deleteSet.clients.size > 0) return void (changed = update)
      for (const [client, clock] of tr.afterState) {
        if (tr.beforeState.get(client) !== clock) return void (changed = update)
      }
    }
    const [event, listener] = exact
      ? (['update', grab] as const)
      : (['afterTransaction', look] as const)
    this.doc.on(event, listener as never)
    try {
      Y.applyUpdate(this.doc, update, REMOTE)
    } finally {
      this.doc.off(event, listener as never)
    }
    if (changed === null) return null
    this.#version++
    this.size += (changed as Uint8Array).byteLength
    return changed
  }

  /** Some update waits for changes this copy does not have yet. */
  get hasPendingStructs(): boolean {
    return this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null
  }

  /**
   * Changes the document on the server's own authority (seeding, chat, signals): the update is
   * persisted and relayed like any client's, with no writer to acknowledge. False when the
   * document is damaged (served read only): nothing was written.
   */
  serverWrite(mutate: (doc: Y.Doc) => void): boolean {
    if (this.damaged) return false
    const updates: Uint8Array[] = []
    const collect = (update: Uint8Array) => updates.push(update)
    this.doc.on('update', collect)
    try {
      Y.transact(this.doc, () => mutate(this.doc), 'server')
    } finally {
      this.doc.off('update', collect)
    }
    if (updates.length === 0) return true
    this.#version++
    this.#pending.push(...updates)
    for (const update of updates) this.size += update.byteLength
    this.#pendingSince ??= performance.now()
    return true
  }

  /** Records that `from` is owed an acknowledgement at the next flush. */
  owe(from: M): void {
    this.#acks.set(from, from.receivedUpdates)
  }

  get hasPending(): boolean {
    return this.#pending.length > 0 || this.#acks.size > 0
  }

  takePending(): PendingBatch<M> {
    const batch = { updates: this.#pending, acks: this.#acks, since: this.#pendingSince }
    this.#pending = []
    this.#pendingSince = null
    this.#acks = new Map()
    return batch
  }

  /**
   * Takes this tick's updates, merged into one, and relays them (see `relay`) unless the room
   * is broken; returns them with whom to acknowledge once they are stored.
   */
  flush(): { batch: PendingBatch<M>; update: Uint8Array | null } {
    const batch = this.takePending()
    const { updates } = batch
    const update =
      updates.length === 0 ? null : updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)
    if (update && !this.broken) this.relay(update, batch.acks)
    return { batch, update }
  }

  /**
   * Sends one frame with this tick's updates to every member, except the sole writer of the
   * tick (who has them already). The frame is encoded once for all receivers.
   */
  relay(update: Uint8Array, writers: ReadonlyMap<M, number>): void {
    const frame = encodeUpdate(update)
    const soleWriter = writers.size === 1 ? writers.keys().next().value : undefined
    for (const member of this.members) {
      if (member !== soleWriter) member.send(frame)
    }
  }

  /** Sync step 2 for a client at `stateVector`; the full state is cached per version. */
  step2For(stateVector: Uint8Array): Uint8Array {
    if (stateVector.length !== EMPTY_STATE_VECTOR) {
      return encodeStep2(Y.encodeStateAsUpdate(this.doc, stateVector))
    }
    if (this.#fullState?.version !== this.#version) {
      this.#fullState = {
        version: this.#version,
        frame: encodeStep2(Y.encodeStateAsUpdate(this.doc)),
      }
    }
    return this.#fullState.frame
  }

  /** Sets the server's own presence state (null: withdraws it) and tells every member. */
  setServerPresence(state: object | null): void {
    const entry = {
      clientId: SERVER_PRESENCE_ID,
      clock: ++this.#serverPresenceClock,
      json: state === null ? 'null' : JSON.stringify(state),
    }
    this.awareness.setServer(entry)
    this.broadcast(encodeAwarenessFrame([entry]))
  }

  broadcast(frame: Uint8Array, except?: M): void {
    for (const member of this.members) if (member !== except) member.send(frame)
  }
}
