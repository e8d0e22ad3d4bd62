import { Database } from '@hocuspocus/extension-database'
import { DatabaseSync } from 'node:sqlite'

/**
 * Hocuspocus's Database extension storing to SQLite through `node:sqlite`, with the schema and
 * upsert of its own SQLite extension (which needs a native addon that cannot be built here).
 * SQLite's defaults are kept (rollback journal, synchronous=FULL), as that extension keeps them.
 */
export function sqliteDatabase(path: string): Database {
  const db = new DatabaseSync(path)
  db.exec(`CREATE TABLE IF NOT EXISTS "documents" (
    "name" varchar(255) NOT NULL,
    "data" blob NOT NULL,
    UNIQUE(name)
  )`)
  const select = db.prepare('SELECT data FROM "documents" WHERE name = ? ORDER BY rowid DESC')
  const upsert = db.prepare(
    'INSERT INTO "documents" ("name", "data") VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data',
  )
  return new Database({
    fetch: async ({ documentName }) => {
      const row = select.get(documentName) as { data: Uint8Array } | undefined
      return row?.data ?? null
    },
    store: async ({ documentName, state }) => {
      upsert.run(documentName, state)
    },
  })
}
