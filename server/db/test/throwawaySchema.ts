import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { postgresPool } from '../../data/postgresPool.ts'

/** The database tests run against: the machine's PostgreSQL unless told otherwise. */
export const TEST_DATABASE_URL =
  process.env.HEARTH_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

/** A `DATABASE_URL` whose connections use `schema`. */
export const schemaUrl = (schema: string): string =>
  `${TEST_DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${schema}`)}`

/**
 * A schema of its own in the test database, and a pool whose connections use it: tests run in
 * parallel against one real PostgreSQL without seeing each other's tables. `drop` removes the
 * schema and ends the pool.
 */
export async function throwawaySchema(prefix = 't'): Promise<{
  pool: pg.Pool
  schema: string
  /** Another pool on the same schema: a second instance's connections. */
  anotherPool(): pg.Pool
  drop(): Promise<void>
}> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await admin.connect()
  try {
    await admin.query(`CREATE SCHEMA ${schema}`)
  } finally {
    await admin.end()
  }
  const pool = postgresPool({
    connectionString: TEST_DATABASE_URL,
    options: `-c search_path=${schema}`,
    max: 4,
  })
  const others: pg.Pool[] = []
  return {
    pool,
    schema,
    anotherPool() {
      const other = postgresPool({
        connectionString: TEST_DATABASE_URL,
        options: `-c search_path=${schema}`,
        max: 4,
      })
      others.push(other)
      return other
    },
    async drop() {
      await Promise.all([pool, ...others].map((p) => p.end().catch(() => {})))
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
      await client.connect()
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      } finally {
        await client.end()
      }
    },
  }
}
