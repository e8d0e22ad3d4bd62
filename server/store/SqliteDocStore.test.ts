import { copyFileSync, mkdtempSync } from 'node:fs'
import { DatabaseSync } from 'node:sqlite'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DocName } from '../../shared/documents/docName.ts'
import { SqliteDocStore } from './SqliteDocStore.ts'
import { docStoreContract } from './test/docStoreContract.ts'

const tempPath = () => join(mkdtempSync(join(tmpdir(), 'hearth-store-')), 'docs.sqlite')

docStoreContract(
  'SQLite (file, FULL: synced off the loop)',
  async () => new SqliteDocStore({ path: tempPath() }),
)
docStoreContract(
  'SQLite (file, NORMAL)',
  async () => new SqliteDocStore({ path: tempPath(), synchronous: 'NORMAL' }),
)
docStoreContract('SQLite (memory)', async () => new SqliteDocStore({ path: ':memory:' }))

describe('SqliteDocStore', () => {
  it('keeps what was committed when reopened', async () => {
    const path = tempPath()
    const doc = 'reopen/a' as DocName
    const first = new SqliteDocStore({ path })
    await first.append([{ doc, update: new Uint8Array([1, 2, 3]) }])
    await first.close()
    const second = new SqliteDocStore({ path })
    expect(Array.from((await second.load(doc)).updates[0]!)).toEqual([1, 2, 3])
    await second.close()
  })
})

describe('SqliteDocStore with FULL', () => {
  it('folds its log into the database file as it grows, so the file alone holds the rows', async () => {
    const path = tempPath()
    const doc = 'fold/a' as DocName
    const store = new SqliteDocStore({ path })
    // More small transactions than one fold waits for (CHECKPOINT_EVERY).
    for (let i = 0; i < 300; i++) await store.append([{ doc, update: Uint8Array.of(i % 256) }])
    // A copy of the database file without its log: what the disk holds outside the log.
    const copy = join(mkdtempSync(join(tmpdir(), 'hearth-fold-')), 'copy.sqlite')
    copyFileSync(path, copy)
    const fileOnly = new DatabaseSync(copy, { readOnly: true })
    const { n } = fileOnly.prepare('SELECT count(*) AS n FROM doc_updates').get() as { n: number }
    fileOnly.close()
    expect(n).toBeGreaterThanOrEqual(256)
    await store.close()
  })
})
