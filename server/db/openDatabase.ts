import { preparePrivateFile } from './preparePrivateFile.ts'
import { DatabaseSync } from 'node:sqlite'
import { MIGRATIONS } from './migrations.ts'

/** The relational database: SQLite through `node:sqlite`, migrated on open. */
export interface Db {
  readonly sql: DatabaseSync
  /** Runs `work` in one immediate transaction; rolls back if it throws. */
  transaction<T>(work: () => T): T
  close(): void
}

export function openDatabase(path: string): Db {
  preparePrivateFile(path)
  const sql = new DatabaseSync(path)
  sql.exec(`
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = FULL;
    PRAGMA foreign_keys = ON;
    PRAGMA busy_timeout = 5000;
    -- Erased health data is overwritten with zeros, not left in free pages (issue 13).
    PRAGMA secure_delete = ON;
  `)
  const { user_version: applied } = sql.prepare('PRAGMA user_version').get() as {
    user_version: number
  }
  let depth = 0
  const transaction = <T>(work: () => T): T => {
    // Nested calls join the outer transaction.
    if (depth > 0) return work()
    // A Kysely transaction is open on this connection (server/data/: both share it while
    // capabilities move over, and another request's code can run between two of its
    // statements). It cannot begin another: it runs as a savepoint inside, whole or not at all.
    if (sql.isTransaction) {
      return atomically(sql, ['SAVEPOINT hearth_raw', 'RELEASE hearth_raw'], work, () =>
        sql.exec('ROLLBACK TO hearth_raw; RELEASE hearth_raw'),
      )
    }
    depth++
    try {
      return atomically(sql, ['BEGIN IMMEDIATE', 'COMMIT'], work, () => sql.exec('ROLLBACK'))
    } finally {
      depth--
    }
  }
  for (let i = applied; i < MIGRATIONS.length; i++) {
    transaction(() => {
      sql.exec(MIGRATIONS[i]!)
      sql.exec(`PRAGMA user_version = ${i + 1}`)
    })
  }
  return {
    sql,
    transaction,
    close: () => {
      if (sql.isOpen) sql.close()
    },
  }
}

/** Runs `work` between `begin` and `end`; undoes it if it throws. */
function atomically<T>(
  sql: DatabaseSync,
  [begin, end]: [string, string],
  work: () => T,
  undo: () => void,
): T {
  sql.exec(begin)
  try {
    const result = work()
    sql.exec(end)
    return result
  } catch (error) {
    // SQLite may have rolled back already (SQLITE_FULL): keep the real error.
    if (sql.isTransaction) undo()
    throw error
  }
}
