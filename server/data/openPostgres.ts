import type { Pool } from 'pg'
import type { Logger } from '../log/logger.ts'
import type { Data } from './Data.ts'

/**
 * PostgreSQL, when `DATABASE_URL` names it: one pool for the document store and the relational
 * data, and the relational schema brought up to date. Loaded only then, so that one instance on
 * SQLite starts without `pg`.
 */
export async function openPostgres(url: string, log: Logger): Promise<{ pool: Pool; data: Data }> {
  const [{ postgresPool }, { preparePgSchema }, { postgresData }] = await Promise.all([
    import('./postgresPool.ts'),
    import('./pgSchema.ts'),
    import('./openData.ts'),
  ])
  const pool = postgresPool({ connectionString: url, max: 10 })
  // An idle connection PostgreSQL drops must not crash the process.
  pool.on('error', (error) => log.warn({ err: error.message }, 'postgresql connection error'))
  await preparePgSchema(pool)
  return { pool, data: postgresData(pool) }
}
