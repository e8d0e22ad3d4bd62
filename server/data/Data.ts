import type { Pool } from 'pg'
import { Kysely, PostgresAdapter, PostgresDialect } from 'kysely'
import type { Db } from '../db/openDatabase.ts'
import { nodeSqliteDialect } from './nodeSqliteDialect.ts'
import type { Tables } from './Tables.ts'

/**
 * The relational data through Kysely, a query builder that speaks SQLite and PostgreSQL: one
 * query for both (issue 21), typed by `Tables`.
 */
export type Data = Kysely<Tables>

/** Whether `data` is on PostgreSQL, where the two must differ (locking, mostly). */
export const onPostgres = (data: Data): boolean =>
  data.getExecutor().adapter instanceof PostgresAdapter

/** The data on the SQLite file, through the `Db`'s own connection. */
export function sqliteData(db: Db): Data {
  return new Kysely<Tables>({ dialect: nodeSqliteDialect(db.sql) })
}

/** The data on PostgreSQL (its tables made by `preparePgSchema`). */
export function postgresData(pool: Pool): Data {
  return new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) })
}
