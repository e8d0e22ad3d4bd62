import type { Pool } from 'pg'
import type { Config } from '../config/config.ts'
import type { Keys } from '../crypto/Keys.ts'
import { docCipher } from '../crypto/docKeys.ts'
import type { Logger } from '../log/logger.ts'
import type { DocStore } from './DocStore.ts'
import { SqliteDocStore } from './SqliteDocStore.ts'

/**
 * The document store: on PostgreSQL when given its pool (`DATABASE_URL`; its tables made on
 * first start), else the SQLite file.
 */
export async function openDocStore(
  config: Config,
  keys: Keys,
  log: Logger,
  pool: Pool | null,
): Promise<DocStore> {
  const cipher = config.sealAtRest ? docCipher(keys) : undefined
  if (pool) {
    const { PgDocStore, prepareDocStoreSchemaPg } = await import('./PgDocStore.ts')
    await prepareDocStoreSchemaPg(pool)
    return new PgDocStore({ pool, ...(cipher && { cipher }) })
  }
  return new SqliteDocStore({
    path: config.dbPath,
    synchronous: config.sqliteSynchronous,
    ...(cipher && { cipher }),
    onLegacySealed: (counts) => log.info(counts, 'sealed document rows stored in clear'),
    onCheckpointFailed: (err) => log.warn({ err }, 'folding the document log failed; will retry'),
  })
}
