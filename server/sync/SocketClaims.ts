/**
 * How many sockets each person holds, against a cap. Synchronous, so concurrent upgrades cannot
 * all slip under it.
 */
export class SocketClaims {
  readonly #held = new Map<string, number>()

  /** Counts one more socket for `person`, or returns false (counting nothing) at `max`. */
  claim(person: string, max: number): boolean {
    const held = this.#held.get(person) ?? 0
    if (held >= max) return false
    this.#held.set(person, held + 1)
    return true
  }

  release(person: string): void {
    const held = (this.#held.get(person) ?? 1) - 1
    if (held > 0) this.#held.set(person, held)
    else this.#held.delete(person)
  }
}
