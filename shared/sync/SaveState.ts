import type { AckCounter } from './ackingWebSocket.ts'

/** What the "Saved" indicator shows. */
export type SaveStatus =
  'saved' | 'saving' | 'not-saved' | 'offline-unsaved' | 'offline' | 'refused'

/**
 * Derives the save status of one document from the ack counter and the connection. "Saved" is
 * shown only when every update sent on the current socket has been acknowledged as durable and
 * no local edit is waiting for a connection.
 */
export class SaveState implements AckCounter {
  #sent = 0
  #acked = 0
  #connected = false
  #editedOffline = false
  #refused = false
  /** The server said it could not store what was sent; cleared when it acknowledges it all. */
  #notSaved = false
  readonly #listeners = new Set<(status: SaveStatus) => void>()

  get status(): SaveStatus {
    if (this.#refused) return 'refused'
    if (!this.#connected) return this.#editedOffline ? 'offline-unsaved' : 'offline'
    if (this.#acked >= this.#sent && !this.#editedOffline) return 'saved'
    return this.#notSaved ? 'not-saved' : 'saving'
  }

  get counts(): { sent: number; acked: number } {
    return { sent: this.#sent, acked: this.#acked }
  }

  subscribe(listener: (status: SaveStatus) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  reset(): void {
    this.#sent = 0
    this.#acked = 0
    this.#notSaved = false
    this.#emit()
  }

  sent(): void {
    this.#sent++
    // Edits made offline travel in the first update frame of the next socket.
    this.#editedOffline = false
    this.#emit()
  }

  acked(count: number): void {
    this.#acked = Math.max(this.#acked, count)
    if (this.#acked >= this.#sent) this.#notSaved = false
    this.#emit()
  }

  notSaved(): void {
    this.#notSaved = true
    this.#emit()
  }

  /** The server refused an update: this connection may only read. Nothing it edits is saved. */
  refused(): void {
    this.#refused = true
    this.#emit()
  }

  /** The provider's connection status changed. */
  setConnected(connected: boolean): void {
    // Updates sent on a socket that closed before acknowledging them are not saved; the next
    // socket resends them in its sync step 2, which clears the flag when it goes out.
    if (!connected && this.#sent > this.#acked) this.#editedOffline = true
    this.#connected = connected
    this.#emit()
  }

  /** A local edit was made; while offline, it waits for the next connection. */
  localEdit(): void {
    if (!this.#connected) {
      this.#editedOffline = true
      this.#emit()
    }
  }

  #emit(): void {
    const status = this.status
    for (const listener of this.#listeners) listener(status)
  }
}
