/**
 * A write the store could not make, with SQLite's own code kept (`SQLITE_FULL` is 13,
 * `SQLITE_READONLY` 8, `SQLITE_IOERR` 10): the operator reads in the log what really happened,
 * and health reports it, instead of whatever a failed clean-up said afterwards.
 */
export class StoreWriteError extends Error {
  /** SQLite's primary result code, or null when the failure was not SQLite's. */
  readonly sqliteCode: number | null
  constructor(message: string, sqliteCode: number | null) {
    super(message)
    this.name = 'StoreWriteError'
    this.sqliteCode = sqliteCode
  }
}

/** SQLite's primary result code of a `node:sqlite` error (`errcode` & 0xff), or null. */
export function sqliteCodeOf(error: unknown): number | null {
  const code = (error as { errcode?: unknown } | null)?.errcode
  return typeof code === 'number' ? code & 0xff : null
}

/** The readable name of a primary code, for logs and health. */
export function sqliteCodeName(code: number | null): string {
  const names: Record<number, string> = {
    5: 'SQLITE_BUSY',
    8: 'SQLITE_READONLY',
    10: 'SQLITE_IOERR',
    11: 'SQLITE_CORRUPT',
    13: 'SQLITE_FULL',
    14: 'SQLITE_CANTOPEN',
  }
  return code === null ? 'unknown' : (names[code] ?? `SQLITE_${code}`)
}

/**
 * The code behind any store failure: SQLite's, or the system's when making the log durable
 * failed (`EIO`, `ENOSPC` from fdatasync).
 */
export function storeErrorCode(error: unknown): string {
  if (error instanceof StoreWriteError) return sqliteCodeName(error.sqliteCode)
  const sqlite = sqliteCodeOf(error)
  if (sqlite !== null) return sqliteCodeName(sqlite)
  const system = (error as { code?: unknown } | null)?.code
  return typeof system === 'string' && /^E[A-Z]+$/.test(system) ? system : 'unknown'
}
