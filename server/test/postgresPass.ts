import { createHash } from 'node:crypto'
import pg from 'pg'
import { TEST_DATABASE_URL } from '../db/test/throwawaySchema.ts'

/**
 * The second pass of the server tests (`npm run test:unit:postgres`): with
 * `HEARTH_TEST_DATABASE=postgres`, every test server keeps its documents and relational data in
 * PostgreSQL, in a schema named after its data folder, so that a server restarted on the same
 * folder finds what it stored (as on SQLite). The schemas are dropped when the pass ends.
 */
export const onPostgresPass = () => process.env.HEARTH_TEST_DATABASE === 'postgres'

const PREFIX = 'server_'

/** The schema of the test server on `dataDir`, made when first asked for. */
export async function passSchema(dataDir: string): Promise<string> {
  const schema = PREFIX + createHash('sha256').update(dataDir).digest('hex').slice(0, 16)
  await withClient((client) => client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`))
  return schema
}

async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** Vitest's global set-up: nothing on SQLite; on the PostgreSQL pass, drops its schemas after. */
export default function setup(): (() => Promise<void>) | void {
  if (!onPostgresPass()) return
  return () =>
    withClient(async (client) => {
      const { rows } = await client.query<{ name: string }>(
        `SELECT nspname AS name FROM pg_namespace WHERE nspname LIKE '${PREFIX}%'`,
      )
      for (const { name } of rows) await client.query(`DROP SCHEMA ${name} CASCADE`)
    })
}
