import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DocName } from '../../shared/documents/docName.ts'
import { SqliteDocStore } from './SqliteDocStore.ts'
import { docStoreContract } from './test/docStoreContract.ts'

const tempPath = () => join(mkdtempSync(join(tmpdir(), 'hearth-store-')), 'docs.sqlite')

docStoreContract(
  'SQLite (file, writer thread)',
  async () => new SqliteDocStore({ path: tempPath() }),
)
docStoreContract(
  'SQLite (file, inline writer)',
  async () => new SqliteDocStore({ path: tempPath(), writer: 'inline' }),
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
