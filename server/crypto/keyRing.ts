import { randomBytes } from 'node:crypto'
import { DatabaseSync } from 'node:sqlite'
import type { Clock } from '../clock/clock.ts'
import { preparePrivateFile } from '../db/preparePrivateFile.ts'
import type { Keys } from './Keys.ts'
import type { MasterKey } from './masterKey.ts'
import { RingMaster } from './ringMaster.ts'
import { KEY_BYTES } from './seal.ts'

/**
 * What a data key protects: `system` (server secrets, facilitators' libraries), `backup` (the
 * backup files), `group:<id>` (a group's documents and records), `member:<id>` (a member's
 * private copies).
 */
export type KeyScope = 'system' | 'backup' | `group:${string}` | `member:${string}`

export class KeyRingProblem extends Error {
  override name = 'KeyRingProblem'
}

/** The scope's key was destroyed (crypto-erasure): nothing may be sealed or opened with it. */
export class KeyErased extends Error {
  override name = 'KeyErased'
  readonly scope: string
  constructor(scope: string) {
    super(`the data key of ${scope} was erased`)
    this.scope = scope
  }
}

/**
 * The data keys, each wrapped by the master key, in a database file of their own beside (not
 * inside) the data: a backup of the data does not carry them, so destroying a key here makes
 * every copy of what it sealed unreadable, older backups included (crypto-erasure). Keys are
 * made on first use and kept unwrapped in memory while the server runs.
 */
export class KeyRing implements Keys {
  readonly #db: DatabaseSync
  readonly #master: RingMaster
  readonly #now: Clock
  readonly #keys = new Map<string, Uint8Array>()

  /**
   * `reloadMaster` reads the configured master key again: after an online rotation (another
   * process rewrapped the keys, `npm run rotate-key`) the running server adopts the new key the
   * first time it meets a key wrapped by it.
   */
  constructor(path: string, master: MasterKey, now: Clock, reloadMaster?: () => MasterKey) {
    preparePrivateFile(path)
    this.#db = new DatabaseSync(path)
    this.#db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = FULL;
      -- Instances on one host share this file: a writer waits for the other's transaction.
      PRAGMA busy_timeout = 5000;
      -- A destroyed key is overwritten with zeros, not left in a free page.
      PRAGMA secure_delete = ON;
      CREATE TABLE IF NOT EXISTS data_keys (
        scope TEXT PRIMARY KEY,
        wrapped BLOB NOT NULL,
        master_id TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      -- Scopes whose key was destroyed: a key is never made again for them, so an erased
      -- group's late write fails instead of starting a new, readable history.
      CREATE TABLE IF NOT EXISTS erased_scopes (
        scope TEXT PRIMARY KEY,
        erased_at INTEGER NOT NULL
      );
      -- Which master key wraps the ring now (rotation changes it with the keys, atomically).
      CREATE TABLE IF NOT EXISTS ring_master (
        one INTEGER PRIMARY KEY CHECK (one = 1),
        master_id TEXT NOT NULL
      );
    `)
    this.#master = new RingMaster(master, reloadMaster ?? null)
    this.#now = now
    this.#db
      .prepare('INSERT OR IGNORE INTO ring_master (one, master_id) VALUES (1, ?)')
      .run(master.id)
    const other = this.#db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM data_keys WHERE master_id != ?1)
           + (SELECT COUNT(*) FROM ring_master WHERE master_id != ?1) AS n`,
      )
      .get(master.id) as { n: number }
    if (other.n > 0) {
      throw new KeyRingProblem(
        `${other.n} data key(s) were wrapped by another master key than the one configured: start with that key, or rotate to this one (npm run rotate-key).`,
      )
    }
  }

  async key(scope: KeyScope): Promise<Uint8Array> {
    return this.keyOf(scope)
  }

  /** The scope's data key, made (and stored wrapped) on first use; `KeyErased` once destroyed. */
  keyOf(scope: KeyScope): Uint8Array {
    const known = this.#keys.get(scope)
    if (known) return known
    const key = this.#stored(scope) ?? this.#make(scope)
    this.#keys.set(scope, key)
    return key
  }

  /** The scope's stored key, unwrapped; null if it has none yet; `KeyErased` once destroyed. */
  #stored(scope: KeyScope): Uint8Array | null {
    if (this.#db.prepare('SELECT 1 FROM erased_scopes WHERE scope = ?').get(scope)) {
      throw new KeyErased(scope)
    }
    const row = this.#db
      .prepare('SELECT wrapped, master_id FROM data_keys WHERE scope = ?')
      .get(scope) as { wrapped: Uint8Array; master_id: string } | undefined
    return row ? this.#master.unwrap(row.master_id, scope, row.wrapped) : null
  }

  /**
   * A new key, wrapped by the ring's current master in the same transaction that reads it.
   * Instances on one host share this file: the write lock is waited for (busy_timeout), and
   * the scope is read again under it, so a key another process made meanwhile is the one used
   * (two keys for one scope would leave one instance's rows unreadable).
   */
  #make(scope: KeyScope): Uint8Array {
    this.#db.exec('BEGIN IMMEDIATE')
    try {
      const made = this.#stored(scope)
      if (made) {
        this.#db.exec('COMMIT')
        return made
      }
      const key = randomBytes(KEY_BYTES)
      const { master_id } = this.#db.prepare('SELECT master_id FROM ring_master').get() as {
        master_id: string
      }
      const master = this.#master.byId(master_id)
      this.#db
        .prepare(
          'INSERT INTO data_keys (scope, wrapped, master_id, created_at) VALUES (?, ?, ?, ?)',
        )
        .run(scope, this.#master.wrap(master, scope, key), master.id, this.#now())
      this.#db.exec('COMMIT')
      return key
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK')
      throw error
    }
  }

  /** Whether the scope's key was destroyed. */
  async erased(scope: KeyScope): Promise<boolean> {
    return this.#db.prepare('SELECT 1 FROM erased_scopes WHERE scope = ?').get(scope) !== undefined
  }

  /** Whether the scope has a key (erased scopes have none). */
  async has(scope: KeyScope): Promise<boolean> {
    return this.#db.prepare('SELECT 1 FROM data_keys WHERE scope = ?').get(scope) !== undefined
  }

  /**
   * Crypto-erasure: the key is gone from memory and from this file (its page zeroed, the
   * write-ahead log emptied), so nothing it sealed can be read again, from any copy.
   */
  async destroy(scope: KeyScope): Promise<void> {
    this.#keys.delete(scope)
    this.#db.exec('BEGIN IMMEDIATE')
    try {
      this.#db.prepare('DELETE FROM data_keys WHERE scope = ?').run(scope)
      this.#db
        .prepare('INSERT OR IGNORE INTO erased_scopes (scope, erased_at) VALUES (?, ?)')
        .run(scope, this.#now())
      this.#db.exec('COMMIT')
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK')
      throw error
    }
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
        const key = this.#master.unwrap(this.#master.current.id, scope, wrapped)
        update.run(this.#master.wrap(next, scope, key), next.id, scope)
      }
      this.#db.prepare('UPDATE ring_master SET master_id = ?').run(next.id)
      this.#db.exec('COMMIT')
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK')
      throw error
    }
    this.#db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
    this.#master.adopt(next)
    return rows.length
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close()
  }
}
