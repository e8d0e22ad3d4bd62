import { KeyRingProblem } from './keyRing.ts'
import type { MasterKey } from './masterKey.ts'
import { open, seal } from './seal.ts'

/** The associated data of a wrapped key: a wrapping moved to another scope opens nothing. */
const wrapContext = (scope: string) => `data key ${scope}`

/**
 * The master key a ring wraps its data keys with, in either ring (file or database). After an
 * online rotation (another process rewrapped the keys, `npm run rotate-key`) the ring meets keys
 * wrapped by a master it does not hold: it reads the configured master again (`reload`) and
 * adopts it if that is the one.
 */
export class RingMaster {
  #current: MasterKey
  readonly #reload: (() => MasterKey) | null

  constructor(current: MasterKey, reload: (() => MasterKey) | null) {
    this.#current = current
    this.#reload = reload
  }

  get current(): MasterKey {
    return this.#current
  }

  /** After a rewrap by this process. */
  adopt(next: MasterKey): void {
    this.#current = next
  }

  /** The master with this id: ours, or the configured one read again after a rotation. */
  byId(id: string): MasterKey {
    if (id === this.#current.id) return this.#current
    const fresh = this.#reload?.()
    if (fresh?.id === id) {
      this.#current = fresh
      return fresh
    }
    throw new KeyRingProblem(
      'The data keys were rewrapped by another master key (a rotation): configure the new key and restart.',
    )
  }

  wrap(master: MasterKey, scope: string, key: Uint8Array): Uint8Array {
    return seal(master.key, key, wrapContext(scope))
  }

  /** Opens a wrapping made by the master `masterId`. */
  unwrap(masterId: string, scope: string, wrapped: Uint8Array): Uint8Array {
    return open(this.byId(masterId).key, wrapped, wrapContext(scope))
  }
}
