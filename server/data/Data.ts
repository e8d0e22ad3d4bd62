import type { Kysely } from 'kysely'
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

const onPostgresData = new WeakSet<Data>()

/** Whether `data` is on PostgreSQL, where the two must differ (locking, mostly). */
export const onPostgres = (data: Data): boolean => onPostgresData.has(data)

/** Marks `data` as PostgreSQL's (openData.ts). */
export const markPostgres = (data: Data): Data => (onPostgresData.add(data), data)

/** A source that makes its data once, on first use. */
export function lazyData(make: () => Promise<Data>): DataSource {
  let made: Promise<Data> | null = null
  return () => (made ??= make())
}
