import type { Config } from '../config/config.ts'
import { openDatabase } from '../db/openDatabase.ts'
import type { Logger } from '../log/logger.ts'
import type { Data } from './Data.ts'

/**
 * The relational data a command-line tool works on, as the server would find it: PostgreSQL
 * when `DATABASE_URL` is set (migrated like at start-up), else the SQLite file of the data
 * folder. `close` ends the pool or closes the file.
 */
export async function openConfiguredData(
  config: Config,
  log: Logger,
): Promise<{ data: Data; close(): Promise<void> }> {
  if (config.databaseUrl) {
    const { openPostgres } = await import('./openPostgres.ts')
    const { pool, data } = await openPostgres(config.databaseUrl, log)
    return { data, close: () => pool.end() }
  }
  const db = openDatabase(config.dbPath)
  const data = (await import('./openData.ts')).sqliteData(db)
  return {
    data,
    close: async () => {
      await data.destroy()
      db.close()
    },
  }
}
