import type { Db } from '../db/openDatabase.ts'

const ATTEMPTS = 40

/**
 * After an erasure: copies every page of the write-ahead log into the database file and
 * truncates the log to nothing, so that no earlier version of an erased page survives there.
 * With `secure_delete` on (every connection, see openDatabase.ts and sqliteSchema.ts) the
 * freed space in the file itself is already zeros. Retries while another connection is
 * mid-read; false if it never got the log to itself.
 */
export async function wipeFreedSpace(db: Db): Promise<boolean> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const result = db.sql.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get() as { busy: number }
    if (result.busy === 0) return true
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  return false
}
