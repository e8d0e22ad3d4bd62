import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite'
import { SqliteDialect } from 'kysely'

/** Prepared statements kept per SQL text: a query is compiled once, not on every call. */
const STATEMENTS_KEPT = 500

/**
 * Kysely's SQLite dialect over `node:sqlite`. The dialect is written for better-sqlite3, whose
 * statements take their parameters as one array and say whether they return rows (`reader`);
 * `node:sqlite`'s take them spread and say it through `columns()`. The connection stays the
 * `Db`'s own (closing Kysely does not close it), so code not yet moved to Kysely and code
 * moved sees the same data and the same transactions.
 */
export function nodeSqliteDialect(sql: DatabaseSync): SqliteDialect {
  const kept = new Map<string, StatementSync>()
  const prepare = (text: string): StatementSync => {
    let statement = kept.get(text)
    if (statement) return statement
    // A transaction takes the write lock when it begins, as `Db.transaction` does: begun
    // deferred, it could fail at its first write when another process (a CLI, a second
    // instance on this host) wrote meanwhile, instead of waiting its turn (busy_timeout).
    statement = sql.prepare(text === 'begin' ? 'BEGIN IMMEDIATE' : text)
    if (kept.size >= STATEMENTS_KEPT) kept.delete(kept.keys().next().value!)
    kept.set(text, statement)
    return statement
  }
  return new SqliteDialect({
    database: {
      close: () => kept.clear(),
      prepare: (text) => {
        const statement = prepare(text)
        const args = (parameters: ReadonlyArray<unknown>) => parameters as SQLInputValue[]
        return {
          reader: statement.columns().length > 0,
          all: (parameters) => statement.all(...args(parameters)),
          run: (parameters) => statement.run(...args(parameters)),
          iterate: (parameters) => statement.iterate(...args(parameters)),
        }
      },
    },
  })
}
