import type { DialectAdapter, Kysely } from 'kysely'
import type { Tables } from './Tables.ts'

/**
 * The relational data through Kysely, a query builder that speaks SQLite and PostgreSQL: one
 * query for both (issue 21), typed by `Tables`. Made by `openData.ts`.
 */
export type Data = Kysely<Tables>

/**
 * How code reaches the data: Kysely is loaded on first use (about 70 ms and its module records
 * at start-up otherwise, for the first sign-in at the earliest).
 */
export type DataSource = () => Promise<Data>

const postgresAdapters = new WeakSet<DialectAdapter>()

/**
 * Whether `data` is on PostgreSQL, where the two must differ (locking, mostly). True of its
 * transactions too: they share its adapter.
 */
export const onPostgres = (data: Data): boolean =>
  postgresAdapters.has(data.getExecutor().adapter)

/**
 * Marks `data` as PostgreSQL's (openData.ts), by its adapter: importing Kysely's
 * `PostgresAdapter` to compare would load Kysely with the server's modules.
 */
export const markPostgres = (data: Data): Data => (postgresAdapters.add(data.getExecutor().adapter), data)

/**
 * Runs `work` in one transaction, or inside the one `data` already is: a function that must be
 * whole (an audit entry with what it records) takes part in its caller's transaction. Inside,
 * use the `trx` given, never the outer `data`: on SQLite one connection serves both, and a
 * query on the outer object waits for the transaction that waits for it.
 */
export function atomically<T>(data: Data, work: (trx: Data) => Promise<T>): Promise<T> {
  return data.isTransaction ? work(data) : data.transaction().execute(work)
}

/** A source that makes its data once, on first use. */
export function lazyData(make: () => Promise<Data>): DataSource {
  let made: Promise<Data> | null = null
  return () => (made ??= make())
}

/**
 * On PostgreSQL, waits for the transaction-scoped advisory lock named `name` and holds it to
 * the commit: instances doing the same thing take turns. Built with the expression builder,
 * not Kysely's `sql` tag, so that modules loaded at start-up import Kysely's types only.
 */
export async function advisoryLock(trx: Data, name: string): Promise<void> {
  await trx
    .selectNoFrom((eb) => eb.fn('pg_advisory_xact_lock', [eb.fn('hashtext', [eb.val(name)])]).as('held'))
    .execute()
}
