import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import type { DocName } from '../../shared/documents/docName.ts'
import { docCipher } from '../crypto/docKeys.ts'
import { SqliteDocStore } from '../store/SqliteDocStore.ts'
import type { TestServer } from './startTestServer.ts'

/**
 * Which of `needles` someone holding the server's keys could read in any stored document: what
 * a backup taken now would give back. With rows sealed at rest, the bytes of the file prove
 * nothing either way (`foundInDatabase`); this opens a copy of it with the key ring.
 */
export async function readableInStore(server: TestServer, needles: string[]): Promise<string[]> {
  await server.sync.drain()
  const dir = mkdtempSync(join(tmpdir(), 'hearth-copy-'))
  const copy = join(dir, 'copy.sqlite')
  server.db.sql.exec(`VACUUM INTO '${copy}'`)
  const names = server.db.sql
    .prepare('SELECT doc FROM doc_updates UNION SELECT doc FROM doc_snapshots')
    .all() as { doc: string }[]
  const store = new SqliteDocStore({
    path: copy,
    cipher: docCipher(server.services.keys),
  })
  const found = new Set<string>()
  try {
    for (const { doc } of names) {
      const stored = await store.load(doc as DocName)
      const ydoc = new Y.Doc()
      for (const update of [stored.snapshot, ...stored.updates]) {
        if (update) Y.applyUpdate(ydoc, update)
      }
      const state = Buffer.from(Y.encodeStateAsUpdate(ydoc))
      ydoc.destroy()
      for (const n of needles) if (state.includes(n)) found.add(n)
    }
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
  return needles.filter((n) => found.has(n))
}
