import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { schemaUrl, TEST_DATABASE_URL } from '../db/test/throwawaySchema.ts'
import type { DocCipher } from '../store/docCipher.ts'
import type { DocStore } from '../store/DocStore.ts'
import { PgDocStore } from '../store/PgDocStore.ts'
import { SqliteDocStore } from '../store/SqliteDocStore.ts'
import type { TestServer } from './startTestServer.ts'

/**
 * A copy of a test server's stored documents as they are now, as a backup would hold them: the
 * SQLite file copied whole (`VACUUM INTO`), or on the PostgreSQL pass the store's tables copied
 * into a schema of their own. `open` reads the copy with the keys given.
 */
export async function storeBackup(server: TestServer): Promise<{
  open(cipher: DocCipher): DocStore
  drop(): Promise<void>
}> {
  if (!server.pgSchema) {
    const path = join(mkdtempSync(join(tmpdir(), 'hearth-backup-')), 'before.sqlite')
    server.db.sql.exec(`VACUUM INTO '${path}'`)
    return { open: (cipher) => new SqliteDocStore({ path, cipher }), drop: async () => {} }
  }
  const from = server.pgSchema
  const copy = `${from}_backup`
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await admin.connect()
  try {
    await admin.query(`CREATE SCHEMA ${copy}`)
    for (const table of ['doc_places', 'doc_updates', 'doc_snapshots']) {
      await admin.query(`CREATE TABLE ${copy}.${table} AS TABLE ${from}.${table}`)
    }
  } finally {
    await admin.end()
  }
  const opened: DocStore[] = []
  return {
    open: (cipher) => {
      const pool = new pg.Pool({ connectionString: schemaUrl(copy), max: 2 })
      const store = new PgDocStore({ pool, cipher, ownsPool: true })
      opened.push(store)
      return store
    },
    drop: async () => {
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL })
      await admin.connect()
      try {
        await admin.query(`DROP SCHEMA ${copy} CASCADE`)
      } finally {
        await admin.end()
      }
    },
  }
}
