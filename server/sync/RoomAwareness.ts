import type { AwarenessEntry } from './parseFrame.ts'

interface Held<C> {
  clock: number
  json: string
  /** null: the server's own state (see `setServer`). */
  owner: C | null
  person: string | undefined
}

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
      const held = this.#states.get(entry.clientId)
      const takeover = held && held.owner !== owner
      if (takeover && (person === undefined || held.person !== person)) continue
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

  /** Removes every state `owner` held; returns removal entries to relay. */
  removeOwner(owner: C): AwarenessEntry[] {
    const removed: AwarenessEntry[] = []
    for (const [clientId, held] of this.#states) {
      if (held.owner !== owner) continue
      this.#states.delete(clientId)
      removed.push({ clientId, clock: held.clock + 1, json: 'null' })
    }
    return removed
  }

  /** Every current state, for a client that joins or asks. */
  all(): AwarenessEntry[] {
    return [...this.#states].map(([clientId, { clock, json }]) => ({ clientId, clock, json }))
  }

  get size(): number {
    return this.#states.size
  }
}
