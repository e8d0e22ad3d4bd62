import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../db/openDatabase.ts'
import { throwawaySchema } from '../db/test/throwawaySchema.ts'
import { preparePgSchema } from './pgSchema.ts'

type Shape = Record<string, string[]>

/**
 * Each database keeps its own DDL (`db/migrations.ts` for SQLite, `pgSchema.ts` and
 * `pgGraphSchema.ts` for PostgreSQL), and Kysely's `Tables.ts` types both: a column added to
 * one and forgotten in the other fails here, not in production on the other database.
 */
describe('the relational schema on both databases', () => {
  let sqlite: Shape
  let postgres: Shape
  let drop: () => Promise<void>

  beforeAll(async () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'hearth-drift-')), 'hearth.sqlite'))
    const tables = db.sql
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string }[]
    sqlite = Object.fromEntries(
      tables.map(({ name }) => [
        name,
        (db.sql.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[])
          .map((c) => c.name)
          .sort(),
      ]),
    )
    db.close()
    const schema = await throwawaySchema('drift')
    drop = () => schema.drop()
    await preparePgSchema(schema.pool)
    const { rows } = await schema.pool.query<{ table_name: string; column_name: string }>(
      'SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = $1',
      [schema.schema],
    )
    postgres = {}
    for (const { table_name, column_name } of rows) (postgres[table_name] ??= []).push(column_name)
    for (const columns of Object.values(postgres)) columns.sort()
  })
  afterAll(() => drop())

  it('has the same tables and columns after the last migration of each', () => {
    // PostgreSQL records its migrations in a table; SQLite in its header (user_version).
    const { hearth_schema, ...relational } = postgres
    expect(hearth_schema).toBeDefined()
    expect(Object.keys(relational).sort()).toEqual(Object.keys(sqlite).sort())
    for (const table of Object.keys(sqlite)) expect(relational[table], table).toEqual(sqlite[table])
  })
})
