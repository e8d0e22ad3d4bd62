import { randomBytes } from 'node:crypto'
import { DatabaseSync } from 'node:sqlite'
import type { Clock } from '../clock/clock.ts'
import { preparePrivateFile } from '../db/preparePrivateFile.ts'
import type { MasterKey } from './masterKey.ts'
import { KEY_BYTES, open, seal } from './seal.ts'

/** What a data key protects: `system` (server secrets), `group:<id>`, `member:<id>`. */
export type KeyScope = 'system' | `group:${string}` | `member:${string}`

export class KeyRingProblem extends Error {
  override name = 'KeyRingProblem'
}

const wrapContext = (scope: string) => `data key ${scope}`

/**
 * The data keys, each wrapped by the master key, in a database file of their own beside (not
 * inside) the data: a backup of the data does not carry them, so destroying a key here makes
 * every copy of what it sealed unreadable, older backups included (crypto-erasure). Keys are
 * made on first use and kept unwrapped in memory while the server runs.
 */
export class KeyRing {
  readonly #db: DatabaseSync
  #master: MasterKey
  readonly #now: Clock
  readonly #keys = new Map<string, Uint8Array>()

  constructor(path: string, master: MasterKey, now: Clock) {
    preparePrivateFile(path)
    this.#db = new DatabaseSync(path)
    this.#db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      -- A destroyed key is overwritten with zeros, not left in a free page.
      PRAGMA secure_delete = ON;
      CREATE TABLE IF NOT EXISTS data_keys (
        scope TEXT PRIMARY KEY,
        wrapped BLOB NOT NULL,
        master_id TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
    `)
    this.#master = master
    this.#now = now
    const other = this.#db
      .prepare('SELECT COUNT(*) AS n FROM data_keys WHERE master_id != ?')
      .get(master.id) as { n: number }
    if (other.n > 0) {
      throw new KeyRingProblem(
        `${other.n} data key(s) were wrapped by another master key than the one configured: start with that key, or rotate to this one (npm run rotate-key).`,
      )
    }
  }

  /** The scope's data key, made (and stored wrapped) on first use. */
  keyOf(scope: KeyScope): Uint8Array {
    const known = this.#keys.get(scope)
    if (known) return known
    const row = this.#db.prepare('SELECT wrapped FROM data_keys WHERE scope = ?').get(scope) as
      { wrapped: Uint8Array } | undefined
    let key: Uint8Array
    if (row) {
      key = open(this.#master.key, row.wrapped, wrapContext(scope))
    } else {
      key = randomBytes(KEY_BYTES)
      this.#db
        .prepare(
          'INSERT INTO data_keys (scope, wrapped, master_id, created_at) VALUES (?, ?, ?, ?)',
        )
        .run(scope, seal(this.#master.key, key, wrapContext(scope)), this.#master.id, this.#now())
    }
    this.#keys.set(scope, key)
    return key
  }

  /** Whether the scope has a key (erased scopes have none). */
  has(scope: KeyScope): boolean {
    return this.#db.prepare('SELECT 1 FROM data_keys WHERE scope = ?').get(scope) !== undefined
  }

  /**
   * Crypto-erasure: the key is gone from memory and from this file (its page zeroed, the
   * write-ahead log emptied), so nothing it sealed can be read again, from any copy.
   */
  destroy(scope: KeyScope): void {
    this.#keys.delete(scope)
    this.#db.prepare('DELETE FROM data_keys WHERE scope = ?').run(scope)
    this.#db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
  }

  /**
   * Key rotation: every data key unwrapped with the current master and wrapped with `next`, in
   * one transaction; the data itself is not touched. Returns how many keys were rewrapped.
   */
  rewrap(next: MasterKey): number {
    const rows = this.#db.prepare('SELECT scope, wrapped FROM data_keys').all() as {
      scope: string
      wrapped: Uint8Array
    }[]
    const update = this.#db.prepare(
      'UPDATE data_keys SET wrapped = ?, master_id = ? WHERE scope = ?',
    )
    this.#db.exec('BEGIN IMMEDIATE')
    try {
      for (const { scope, wrapped } of rows) {
        const key = open(this.#master.key, wrapped, wrapContext(scope))
        update.run(seal(next.key, key, wrapContext(scope)), next.id, scope)
      }
      this.#db.exec('COMMIT')
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK')
      throw error
    }
    this.#db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
    this.#master = next
    return rows.length
  }

  close(): void {
    if (this.#db.isOpen) this.#db.close()
  }
}
