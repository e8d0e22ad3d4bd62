import { closeSync, openSync } from 'node:fs'
import { DatabaseSync } from 'node:sqlite'

/**
 * Copies a live SQLite file consistently (a read snapshot: writers go on) into a new file,
 * made empty at 0600 first (VACUUM INTO accepts an empty file), so a clear copy is never
 * readable by others, not even for a moment.
 */
export function vacuumInto(from: string, to: string): void {
  closeSync(openSync(to, 'wx', 0o600))
  const source = new DatabaseSync(from)
  try {
    source.exec('PRAGMA busy_timeout = 5000')
    source.prepare('VACUUM INTO ?').run(to)
  } finally {
    source.close()
  }
}
