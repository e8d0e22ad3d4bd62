import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, statSync } from 'node:fs'
import { DatabaseSync } from 'node:sqlite'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
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
  /** Rows in a copy of the database file without its log: what the disk holds outside the log. */
  const rowsInFileAlone = (path: string) => {
    const copy = join(mkdtempSync(join(tmpdir(), 'hearth-fold-')), 'copy.sqlite')
    copyFileSync(path, copy)
    const fileOnly = new DatabaseSync(copy, { readOnly: true })
    const { n } = fileOnly.prepare('SELECT count(*) AS n FROM doc_updates').get() as { n: number }
    fileOnly.close()
    return n
  }

  it('folds its log into the database file as it grows, so the file alone holds the rows', async () => {
    const path = tempPath()
    const doc = 'fold/a' as DocName
    const store = new SqliteDocStore({ path })
    // More small transactions than one fold waits for (CHECKPOINT_EVERY).
    for (let i = 0; i < 300; i++) await store.append([{ doc, update: Uint8Array.of(i % 256) }])
    // The fold runs on its own thread: the file has the rows once it is done.
    await vi.waitFor(() => expect(rowsInFileAlone(path)).toBeGreaterThanOrEqual(256), {
      timeout: 10_000,
    })
    await store.close()
  })

  it('keeps the log short under a steady stream of commits, folding beside them', async () => {
    const path = tempPath()
    const doc = 'fold/b' as DocName
    const store = new SqliteDocStore({ path })
    // Commits go on while a fold runs; the log is rewound once a fold has caught up.
    for (let i = 0; i < 3000; i++) {
      await store.append([{ doc, update: new Uint8Array(200).fill(i % 256) }])
    }
    // About 4.5 MiB of log between two folds (256 commits of a few pages each); a log that is
    // never rewound, because a commit lands during every fold, was 50 MiB here.
    expect(statSync(`${path}-wal`).size).toBeLessThan(8 * 1024 * 1024)
    await store.close()
    const reopened = new SqliteDocStore({ path })
    expect((await reopened.load(doc)).updates).toHaveLength(3000)
    await reopened.close()
  })

  it('lets a script that writes and closes finish: a fold it waits for keeps the process alive', () => {
    // Nothing else keeps this process alive while its last writes wait for a fold.
    const script = `
      import { SqliteDocStore } from ${JSON.stringify(new URL('./SqliteDocStore.ts', import.meta.url).href)}
      const store = new SqliteDocStore({ path: ${JSON.stringify(tempPath())} })
      for (let i = 0; i < 600; i++) await store.append([{ doc: 'script/a', update: Uint8Array.of(i % 256) }])
      await store.close()
      console.log('closed')`
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(run.stderr).not.toMatch(/unsettled/)
    expect(run.stdout.trim()).toBe('closed')
    expect(run.status).toBe(0)
  })
})
