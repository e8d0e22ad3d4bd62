import { randomBytes } from 'node:crypto'
import type { Pool, PoolClient } from 'pg'
import type { Clock } from '../clock/clock.ts'
import { postgresPool } from '../data/postgresPool.ts'
import type { Logger } from '../log/logger.ts'
import { KEY_RECHECK_MS, KeyNotLoaded, type Keys } from './Keys.ts'
import { KeyErased, KeyRingProblem, type KeyScope } from './keyRing.ts'
import type { MasterKey } from './masterKey.ts'
import { RingMaster } from './ringMaster.ts'
import { KEY_BYTES, openText, sealText } from './seal.ts'

const secretContext = (name: string) => `ring secret ${name}`

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS data_keys (
    scope TEXT PRIMARY KEY,
    wrapped BYTEA NOT NULL,
    master_id TEXT NOT NULL,
    created_at BIGINT NOT NULL
  );
  -- Scopes whose key was destroyed: a key is never made again for them, so an erased group's
  -- late write fails instead of starting a new, readable history.
  CREATE TABLE IF NOT EXISTS erased_scopes (
    scope TEXT PRIMARY KEY,
    erased_at BIGINT NOT NULL
  );
  -- Which master key wraps the ring now (rotation changes it with the keys, atomically).
  CREATE TABLE IF NOT EXISTS ring_master (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    master_id TEXT NOT NULL
  );
  -- Secrets every instance must share (the VAPID key pair), sealed with the system key.
  CREATE TABLE IF NOT EXISTS ring_secrets (
    name TEXT PRIMARY KEY,
    sealed TEXT NOT NULL
  );
`

/** One transaction at a time per scope, across every instance (making against destroying). */
const lockScope = (client: PoolClient, scope: string) =>
  client.query("SELECT pg_advisory_xact_lock(hashtextextended('hearth key ' || $1, 0))", [scope])

interface Held {
  key: Uint8Array
  checkedAt: number
}

/**
 * The data keys in a PostgreSQL database of their own (`HEARTH_KEYS_DATABASE_URL`), so that
 * instances on separate hosts share them; never the data's database, so that a dump of the data
 * carries no key (crypto-erasure). Keys are stored wrapped by the master key, which only the
 * instances' configuration holds. A key is made once: concurrent first uses on several
 * instances take the same advisory lock and the later ones read the first one's key.
 *
 * An instance holds the keys it used in memory and asks the ring again after `KEY_RECHECK_MS`,
 * so a key destroyed by another instance stops being used here within that time.
 */
export class PgKeyRing implements Keys {
  readonly #pool: Pool
  readonly #ownsPool: boolean
  readonly #master: RingMaster
  readonly #now: Clock
  readonly #log: Logger
  readonly #held = new Map<string, Held>()
  readonly #loading = new Map<string, Promise<Uint8Array>>()

  private constructor(
    pool: Pool,
    ownsPool: boolean,
    master: MasterKey,
    now: Clock,
    reloadMaster: (() => MasterKey) | null,
    log: Logger,
  ) {
    this.#pool = pool
    this.#ownsPool = ownsPool
    this.#master = new RingMaster(master, reloadMaster ?? null)
    this.#now = now
    this.#log = log
  }

  /**
   * Opens the ring at `url` (or on `pool`), making its tables on first use, and refuses a
   * master key other than the one that wrapped its keys (as the file ring does).
   */
  static async open(options: {
    url?: string
    pool?: Pool
    master: MasterKey
    now: Clock
    log: Logger
    reloadMaster?: () => MasterKey
  }): Promise<PgKeyRing> {
    const pool = options.pool ?? postgresPool({ connectionString: options.url, max: 4 })
    if (!options.pool) {
      pool.on('error', (error) =>
        options.log.warn({ err: error.message }, 'key ring connection error'),
      )
    }
    const ring = new PgKeyRing(
      pool,
      !options.pool,
      options.master,
      options.now,
      options.reloadMaster ?? null,
      options.log,
    )
    try {
      await ring.#prepare()
    } catch (error) {
      await ring.close()
      throw error
    }
    return ring
  }

  async #prepare(): Promise<void> {
    await this.#transaction(async (client) => {
      // Several instances starting at once would race on CREATE TABLE IF NOT EXISTS.
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended('hearth key ring', 0))")
      await client.query(SCHEMA)
      await client.query(
        'INSERT INTO ring_master (one, master_id) VALUES (1, $1) ON CONFLICT DO NOTHING',
        [this.#master.current.id],
      )
    })
    const { rows } = await this.#pool.query<{ n: number }>(
      `SELECT (SELECT COUNT(*) FROM data_keys WHERE master_id != $1)
         + (SELECT COUNT(*) FROM ring_master WHERE master_id != $1) AS n`,
      [this.#master.current.id],
    )
    const other = Number(rows[0]!.n)
    if (other > 0) {
      throw new KeyRingProblem(
        `${other} data key(s) were wrapped by another master key than the one configured: start with that key, or rotate to this one (npm run rotate-key).`,
      )
    }
  }

  keyOf(scope: KeyScope): Uint8Array {
    const held = this.#held.get(scope)
    if (!held) throw new KeyNotLoaded(scope)
    return held.key
  }

  key(scope: KeyScope): Promise<Uint8Array> {
    const held = this.#held.get(scope)
    if (held && this.#now() - held.checkedAt < KEY_RECHECK_MS) return Promise.resolve(held.key)
    let loading = this.#loading.get(scope)
    if (!loading) {
      loading = this.#load(scope).finally(() => this.#loading.delete(scope))
      this.#loading.set(scope, loading)
    }
    return loading
  }

  /** Reads the scope's key (or, the first time anywhere, makes it) and holds it. */
  async #load(scope: KeyScope): Promise<Uint8Array> {
    const row = await this.#read(this.#pool, scope)
    const key = row ? this.#unwrap(scope, row) : await this.#make(scope)
    this.#held.set(scope, { key, checkedAt: this.#now() })
    return key
  }

  async #read(
    on: Pool | PoolClient,
    scope: string,
  ): Promise<{ wrapped: Uint8Array; master_id: string } | undefined> {
    const { rows } = await on.query<{ wrapped: Uint8Array; master_id: string }>(
      'SELECT wrapped, master_id FROM data_keys WHERE scope = $1',
      [scope],
    )
    return rows[0]
  }

  #unwrap(scope: string, row: { wrapped: Uint8Array; master_id: string }): Uint8Array {
    return this.#master.unwrap(row.master_id, scope, row.wrapped)
  }

  /** A new key, unless the scope was erased or another instance made one meanwhile. */
  #make(scope: KeyScope): Promise<Uint8Array> {
    return this.#transaction(async (client) => {
      await lockScope(client, scope)
      const erased = await client.query('SELECT 1 FROM erased_scopes WHERE scope = $1', [scope])
      if (erased.rowCount) {
        this.#held.delete(scope)
        throw new KeyErased(scope)
      }
      const made = await this.#read(client, scope)
      if (made) return this.#unwrap(scope, made)
      const { rows } = await client.query<{ master_id: string }>(
        'SELECT master_id FROM ring_master FOR SHARE',
      )
      const master = this.#master.byId(rows[0]!.master_id)
      const key = randomBytes(KEY_BYTES)
      await client.query(
        'INSERT INTO data_keys (scope, wrapped, master_id, created_at) VALUES ($1, $2, $3, $4)',
        [scope, this.#master.wrap(master, scope, key), master.id, this.#now()],
      )
      return key
    })
  }

  async erased(scope: KeyScope): Promise<boolean> {
    const { rowCount } = await this.#pool.query('SELECT 1 FROM erased_scopes WHERE scope = $1', [
      scope,
    ])
    return (rowCount ?? 0) > 0
  }

  async has(scope: KeyScope): Promise<boolean> {
    const { rowCount } = await this.#pool.query('SELECT 1 FROM data_keys WHERE scope = $1', [scope])
    return (rowCount ?? 0) > 0
  }

  /**
   * Crypto-erasure: the wrapped key is deleted and the scope marked erased, in one transaction
   * under the scope's lock. PostgreSQL keeps a deleted row's bytes until VACUUM reuses its
   * space, so the table is vacuumed at once; those bytes were only ever the key wrapped by the
   * master key.
   */
  async destroy(scope: KeyScope): Promise<void> {
    this.#held.delete(scope)
    await this.#transaction(async (client) => {
      await lockScope(client, scope)
      await client.query('DELETE FROM data_keys WHERE scope = $1', [scope])
      await client.query(
        'INSERT INTO erased_scopes (scope, erased_at) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [scope, this.#now()],
      )
    })
    this.#held.delete(scope)
    try {
      // Without shrinking the file: that step waits up to 5 s for an exclusive lock on the
      // table, which any instance reading a key holds off (seen: erasures racing first uses
      // took 15–40 s under load). The deleted row's space is freed for reuse either way.
      await this.#pool.query('VACUUM (TRUNCATE false) data_keys')
    } catch (error) {
      // The erasure holds (the key is gone for every instance); only the reuse of its space waits.
      this.#log.warn({ err: (error as Error).message }, 'key ring vacuum after erasure failed')
    }
  }

  /**
   * Key rotation: every data key unwrapped with the current master and wrapped with `next`, in
   * one transaction; the data itself is not touched. Returns how many keys were rewrapped.
   */
  async rewrap(next: MasterKey): Promise<number> {
    const count = await this.#transaction(async (client) => {
      await client.query('SELECT master_id FROM ring_master FOR UPDATE')
      const { rows } = await client.query<{
        scope: string
        wrapped: Uint8Array
        master_id: string
      }>('SELECT scope, wrapped, master_id FROM data_keys')
      for (const row of rows) {
        const key = this.#unwrap(row.scope, row)
        await client.query('UPDATE data_keys SET wrapped = $1, master_id = $2 WHERE scope = $3', [
          this.#master.wrap(next, row.scope, key),
          next.id,
          row.scope,
        ])
      }
      await client.query('UPDATE ring_master SET master_id = $1', [next.id])
      return rows.length
    })
    this.#master.adopt(next)
    return count
  }

  /**
   * A secret every instance must share, made by `make` the first time anywhere and kept sealed
   * with the system key (the VAPID key pair: browsers' subscriptions name its public half).
   */
  async secret(name: string, make: () => string): Promise<string> {
    const key = await this.key('system')
    const read = async (on: Pool | PoolClient) => {
      const { rows } = await on.query<{ sealed: string }>(
        'SELECT sealed FROM ring_secrets WHERE name = $1',
        [name],
      )
      return rows[0] ? openText(key, rows[0].sealed, secretContext(name)) : null
    }
    const known = await read(this.#pool)
    if (known !== null) return known
    return this.#transaction(async (client) => {
      await lockScope(client, `secret ${name}`)
      const made = await read(client)
      if (made !== null) return made
      const value = make()
      await client.query('INSERT INTO ring_secrets (name, sealed) VALUES ($1, $2)', [
        name,
        sealText(key, value, secretContext(name)),
      ])
      return value
    })
  }

  async close(): Promise<void> {
    this.#held.clear()
    if (this.#ownsPool) await this.#pool.end()
  }

  async #transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.#pool.connect()
    try {
      await client.query('BEGIN')
      const result = await work(client)
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  }
}
