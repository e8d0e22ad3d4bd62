import type { KeyScope } from './keyRing.ts'

/**
 * The data keys, wherever they are kept: a SQLite file of their own beside the data (one host,
 * `KeyRing`), or a PostgreSQL database of their own that every instance reaches
 * (`HEARTH_KEYS_DATABASE_URL`, `PgKeyRing`). Never inside the data's database: a backup of the
 * data must not carry the keys that open it, so destroying a key erases every copy.
 */
export interface Keys {
  /** The scope's key, made (and stored wrapped) on first use; `KeyErased` once destroyed. */
  key(scope: KeyScope): Promise<Uint8Array>
  /**
   * The scope's key without waiting, for code that must stay synchronous (the SQLite document
   * store). The file ring reads its file; the database ring answers only for a key it holds
   * (`key` was awaited for that scope), and throws `KeyNotLoaded` otherwise.
   */
  keyOf(scope: KeyScope): Uint8Array
  /** Whether the scope's key was destroyed. */
  erased(scope: KeyScope): Promise<boolean>
  /** Whether the scope has a key (erased scopes have none). */
  has(scope: KeyScope): Promise<boolean>
  /** Crypto-erasure: the key is gone, here and (within `KEY_RECHECK_MS`) from every instance. */
  destroy(scope: KeyScope): Promise<void>
  close(): Promise<void>
}

/**
 * How long an instance trusts a key it holds before asking the ring again: after another
 * instance destroys a key, this one stops using it within this time (its group's sockets were
 * closed at once by the erasure).
 */
export const KEY_RECHECK_MS = 30_000

/** A synchronous read of a key the database ring does not hold: the caller forgot `key()`. */
export class KeyNotLoaded extends Error {
  override name = 'KeyNotLoaded'
  constructor(scope: string) {
    super(`the data key of ${scope} was read before it was loaded (await keys.key(scope) first)`)
  }
}
