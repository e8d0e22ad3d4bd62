import { createHash } from 'node:crypto'
import pg from 'pg'
import { TEST_DATABASE_URL, TEST_KEYS_DATABASE_URL } from '../db/test/throwawaySchema.ts'

/**
 * The second pass of the server tests (`npm run test:unit:postgres`): with
 * `HEARTH_TEST_DATABASE=postgres`, every test server keeps its documents and relational data in
 * PostgreSQL, in a schema named after its data folder, so that a server restarted on the same
 * folder finds what it stored (as on SQLite), and its data keys in a schema of the same name in
 * another database (as instances on separate hosts do). The schemas are dropped when the pass
 * ends.
 */
export const onPostgresPass = () => process.env.HEARTH_TEST_DATABASE === 'postgres'

const PREFIX = 'server_'

/** The schema of the test server on `dataDir`, made when first asked for, in both databases. */
export async function passSchema(dataDir: string): Promise<string> {
  const schema = PREFIX + createHash('sha256').update(dataDir).digest('hex').slice(0, 16)
  await withClient((client) => client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`))
  await withClient(
    (client) => client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`),
    TEST_KEYS_DATABASE_URL,
  )
  return schema
}

async function withClient<T>(
  work: (client: pg.Client) => Promise<T>,
  url = TEST_DATABASE_URL,
): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/**
 * Vitest's global set-up: makes the keys database (once per machine: the key ring's tests use
 * it on both passes); on the PostgreSQL pass, drops the pass's schemas after.
 */
export default async function setup(): Promise<(() => Promise<void>) | void> {
  const keysDatabase = decodeURIComponent(new URL(TEST_KEYS_DATABASE_URL).pathname.slice(1))
  await withClient(async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      keysDatabase,
    ])
    if (!rowCount) await client.query(`CREATE DATABASE "${keysDatabase}"`)
  })
  if (!onPostgresPass()) return
  const dropSchemas = (url: string) =>
    withClient(async (client) => {
      const { rows } = await client.query<{ name: string }>(
        `SELECT nspname AS name FROM pg_namespace WHERE nspname LIKE '${PREFIX}%'`,
      )
      for (const { name } of rows) await client.query(`DROP SCHEMA ${name} CASCADE`)
    }, url)
  return async () => {
    await dropSchemas(TEST_DATABASE_URL)
    await dropSchemas(TEST_KEYS_DATABASE_URL)
  }
}
