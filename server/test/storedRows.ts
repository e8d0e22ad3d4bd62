import type { Kysely } from 'kysely'
import { onPostgres } from '../data/Data.ts'
import type { TestServer } from './startTestServer.ts'

/** Any table, untyped: the tables listed are whatever the database holds, not only `Tables`. */
type AnyTables = Record<string, Record<string, unknown>>

/**
 * Every row of every table the server keeps its data in, by table, read through records: the
 * SQLite file's tables, or those of the server's own PostgreSQL schema (documents included,
 * when the store lives there too).
 */
export async function storedRows(
  server: TestServer,
): Promise<{ table: string; row: Record<string, unknown> }[]> {
  const records = await server.services.data()
  const data = records as unknown as Kysely<AnyTables>
  const tables = onPostgres(records)
    ? await data
        .selectFrom('information_schema.tables')
        .select('table_name as name')
        .where('table_type', '=', 'BASE TABLE')
        .where((eb) => eb('table_schema', '=', eb.fn('current_schema', [])))
        .execute()
    : await data
        .selectFrom('sqlite_master')
        .select('name')
        .where('type', '=', 'table')
        .where('name', 'not like', 'sqlite_%')
        .execute()
  const rows = []
  for (const { name } of tables as { name: string }[]) {
    for (const row of await data.selectFrom(name).selectAll().execute()) {
      rows.push({ table: name, row })
    }
  }
  return rows
}
