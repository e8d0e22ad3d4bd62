import type { DatabaseSync, SQLInputValue } from 'node:sqlite'
import { SqliteDialect } from 'kysely'

/**
 * Kysely's SQLite dialect over `node:sqlite`. The dialect is written for better-sqlite3, whose
 * statements take their parameters as one array and say whether they return rows (`reader`);
 * `node:sqlite`'s take them spread and say it through `columns()`. The connection stays the
 * `Db`'s own (closing Kysely does not close it), so code not yet moved to Kysely and code
 * moved sees the same data and the same transactions.
 */
export function nodeSqliteDialect(sql: DatabaseSync): SqliteDialect {
  return new SqliteDialect({
    database: {
      close: () => {},
      prepare: (text) => {
        const statement = sql.prepare(text)
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
