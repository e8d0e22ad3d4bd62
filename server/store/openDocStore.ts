import type { Config } from '../config/config.ts'
import type { KeyRing } from '../crypto/keyRing.ts'
import { docCipher } from '../crypto/docKeys.ts'
import type { Logger } from '../log/logger.ts'
import type { DocStore } from './DocStore.ts'
import { SqliteDocStore } from './SqliteDocStore.ts'

/**
 * The document store the configuration names: PostgreSQL when `DATABASE_URL` is set (its tables
 * made on first start), else the SQLite file. `pg` is loaded only then, so one instance on
 * SQLite starts without it.
 */
export async function openDocStore(config: Config, keys: KeyRing, log: Logger): Promise<DocStore> {
  const cipher = config.sealAtRest ? docCipher(keys) : undefined
  if (config.databaseUrl) {
    const [{ default: pg }, { PgDocStore, prepareDocStoreSchemaPg }] = await Promise.all([
      import('pg'),
      import('./PgDocStore.ts'),
    ])
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 })
    // An idle connection PostgreSQL drops must not crash the process.
    pool.on('error', (error) => log.warn({ err: error.message }, 'postgresql connection error'))
    await prepareDocStoreSchemaPg(pool)
    return new PgDocStore({ pool, ownsPool: true, ...(cipher && { cipher }) })
  }
  return new SqliteDocStore({
    path: config.dbPath,
    synchronous: config.sqliteSynchronous,
    ...(cipher && { cipher }),
    onLegacySealed: (counts) => log.info(counts, 'sealed document rows stored in clear'),
  })
}
