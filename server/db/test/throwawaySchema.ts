import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { postgresPool } from '../../data/postgresPool.ts'

/** The database tests run against: the machine's PostgreSQL unless told otherwise. */
export const TEST_DATABASE_URL =
  process.env.HEARTH_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

/**
 * Where tests keep data keys in PostgreSQL: another database than the data's, as production
 * must (`HEARTH_KEYS_DATABASE_URL`). Made by the server tests' global set-up.
 */
export const TEST_KEYS_DATABASE_URL = (() => {
  const url = new URL(TEST_DATABASE_URL)
  url.pathname = `${url.pathname}_keys`
  return url.toString()
})()

/** A `DATABASE_URL` (or, given the keys database, a keys URL) whose connections use `schema`. */
export const schemaUrl = (schema: string, database = TEST_DATABASE_URL): string =>
  `${database}?options=${encodeURIComponent(`-c search_path=${schema}`)}`

/**
 * A schema of its own in the test database, and a pool whose connections use it: tests run in
 * parallel against one real PostgreSQL without seeing each other's tables. `drop` removes the
 * schema and ends the pool.
 */
export async function throwawaySchema(
  prefix = 't',
  database = TEST_DATABASE_URL,
): Promise<{
  pool: pg.Pool
  schema: string
  /** A URL whose connections use the schema. */
  url: string
  /** Another pool on the same schema: a second instance's connections. */
  anotherPool(): pg.Pool
  drop(): Promise<void>
}> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: database })
  await admin.connect()
  try {
    await admin.query(`CREATE SCHEMA ${schema}`)
  } finally {
    await admin.end()
  }
  const pool = postgresPool({
    connectionString: database,
    options: `-c search_path=${schema}`,
    max: 4,
  })
  const others: pg.Pool[] = []
  return {
    pool,
    schema,
    url: schemaUrl(schema, database),
    anotherPool() {
      const other = postgresPool({
        connectionString: database,
        options: `-c search_path=${schema}`,
        max: 4,
      })
      others.push(other)
      return other
    },
    async drop() {
      await Promise.all([pool, ...others].map((p) => p.end().catch(() => {})))
      const client = new pg.Client({ connectionString: database })
      await client.connect()
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      } finally {
        await client.end()
      }
    },
  }
}
