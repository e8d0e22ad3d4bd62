/** SQLite's primary result code of a `node:sqlite` error (`errcode` & 0xff), or null. */
function sqliteCodeOf(error: unknown): number | null {
  const code = (error as { errcode?: unknown } | null)?.errcode
  return typeof code === 'number' ? code & 0xff : null
}

/** The readable name of a primary code, for logs and health. */
function sqliteCodeName(code: number | null): string {
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
 * The code behind any store failure, for the log and health (what really happened, not what a
 * failed clean-up said afterwards): SQLite's (`SQLITE_FULL`), or the system's when making the
 * log durable failed (`EIO`, `ENOSPC` from fdatasync).
 */
export function storeErrorCode(error: unknown): string {
  const sqlite = sqliteCodeOf(error)
  if (sqlite !== null) return sqliteCodeName(sqlite)
  const system = (error as { code?: unknown } | null)?.code
  return typeof system === 'string' && /^E[A-Z]+$/.test(system) ? system : 'unknown'
}
