import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * Makes a database file readable by the server's own user only, before SQLite opens it: its
 * folder 0700 and the file 0600. SQLite gives the WAL and shared-memory files the main file's
 * permissions, so they follow. Files from an older, laxer install are tightened too.
 */
export function preparePrivateFile(path: string): void {
  if (path === ':memory:') return
  const folder = dirname(path)
  mkdirSync(folder, { recursive: true, mode: 0o700 })
  chmodSync(folder, 0o700)
  closeSync(openSync(path, 'a', 0o600))
  chmodSync(path, 0o600)
  for (const extra of [`${path}-wal`, `${path}-shm`]) if (existsSync(extra)) chmodSync(extra, 0o600)
}
