import type { AwarenessEntry } from './parseFrame.ts'

interface Held<C> {
  clock: number
  json: string
  /** null: the server's own state (see `setServer`). */
  owner: C | null
  person: string | undefined
  /** When a state relayed from another instance was last renewed (performance.now()). */
  remoteSeen?: number
}

/**
 * A relayed state not renewed for this long is dropped here: its instance may have died
 * without telling. Browsers renew theirs every 15 s and drop others' after 30 s themselves.
 */
const REMOTE_PRESENCE_TTL_MS = 30_000

/**
 * The awareness (presence) states of one document, kept as encoded JSON so that relaying costs
 * no parsing or Y.Doc. Each client id belongs to the connection that first announced it: another
 * connection cannot overwrite or remove someone else's presence. Only a connection of the same
 * `person` may take a live client id over: a browser that reconnects before the server noticed
 * its old socket was gone keeps its id.
 */
export class RoomAwareness<C> {
  readonly #states = new Map<number, Held<C>>()

  /** Applies what `owner` sent; returns the entries that changed, to relay to the others. */
  apply(owner: C, entries: readonly AwarenessEntry[], person?: string): AwarenessEntry[] {
    const changed: AwarenessEntry[] = []
    for (const entry of entries) {
      if (this.heldByOther(entry.clientId, owner, person)) continue
      const held = this.#states.get(entry.clientId)
      const takeover = held && held.owner !== owner
      const isRemoval = entry.json === 'null'
      if (held && !takeover && entry.clock < held.clock) continue
      if (held && !takeover && entry.clock === held.clock && !isRemoval) continue
      if (isRemoval) this.#states.delete(entry.clientId)
      else this.#states.set(entry.clientId, { clock: entry.clock, json: entry.json, owner, person })
      changed.push(entry)
    }
    return changed
  }

  /**
   * Whether `clientId` is someone else's: held by another connection that `owner` may not take
   * over (another person's), by the server, or by another instance's member. A stock y-websocket
   * client sends the states it receives back to the server, so such an id arriving from `owner`
   * is an echo, not its own.
   */
  heldByOther(clientId: number, owner: C, person?: string): boolean {
    const held = this.#states.get(clientId)
    if (!held || held.owner === owner) return false
    return held.owner === null || person === undefined || held.person !== person
  }

  /**
   * Sets (or, with json 'null', removes) a state the server speaks for itself: no connection
   * owns it, so none can overwrite or remove it.
   */
  setServer(entry: AwarenessEntry): void {
    if (entry.json === 'null') this.#states.delete(entry.clientId)
    else
      this.#states.set(entry.clientId, {
        clock: entry.clock,
        json: entry.json,
        owner: null,
        person: undefined,
      })
  }

  /**
   * Applies states relayed from another instance, whose members own them (and whose own checks
   * they passed). A client id held here by a connection or by this server is left alone.
   * Returns the entries that changed, to relay to this instance's members.
   */
  applyRemote(entries: readonly AwarenessEntry[]): AwarenessEntry[] {
    const changed: AwarenessEntry[] = []
    for (const entry of entries) {
      const held = this.#states.get(entry.clientId)
      if (held && held.remoteSeen === undefined) continue
      if (entry.json === 'null') {
        if (held) this.#states.delete(entry.clientId)
      } else {
        if (held && entry.clock < held.clock) continue
        this.#states.set(entry.clientId, {
          clock: entry.clock,
          json: entry.json,
          owner: null,
          person: undefined,
          remoteSeen: performance.now(),
        })
      }
      changed.push(entry)
    }
    return changed
  }

  /** Removes every state `owner` held; returns removal entries to relay. */
  removeOwner(owner: C): AwarenessEntry[] {
    const removed: AwarenessEntry[] = []
    for (const [clientId, held] of this.#states) {
      if (held.owner !== owner) continue
      this.#states.delete(clientId)
      // At the state's own clock, as y-protocols' own removal does: peers take a removal at an
      // equal clock, and the client, back on a new socket, renews its state at the next clock.
      // At clock + 1 (as before) the peers would ignore that renewal as already seen, and the
      // person would stay invisible until their next change or the renewal 15 s later.
      removed.push({ clientId, clock: held.clock, json: 'null' })
    }
    return removed
  }

  /** Every current state, for a client that joins or asks. */
  all(): AwarenessEntry[] {
    const stale = performance.now() - REMOTE_PRESENCE_TTL_MS
    for (const [clientId, held] of this.#states) {
      if (held.remoteSeen !== undefined && held.remoteSeen < stale) this.#states.delete(clientId)
    }
    return [...this.#states].map(([clientId, { clock, json }]) => ({ clientId, clock, json }))
  }

  get size(): number {
    return this.#states.size
  }
}
