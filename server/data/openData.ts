import type { Pool } from 'pg'
import { Kysely, PostgresDialect } from 'kysely'
import type { Db } from '../db/openDatabase.ts'
import { markPostgres, type Data } from './Data.ts'
import { nodeSqliteDialect } from './nodeSqliteDialect.ts'
import type { Tables } from './Tables.ts'

/** The data on the SQLite file, through the `Db`'s own connection. */
export function sqliteData(db: Db): Data {
  return new Kysely<Tables>({ dialect: nodeSqliteDialect(db.sql) })
}

/** The data on PostgreSQL (its tables made by `preparePgSchema`). */
export function postgresData(pool: Pool): Data {
  return markPostgres(new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) }))
}
