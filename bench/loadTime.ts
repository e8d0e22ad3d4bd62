import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import type { DocName } from '../shared/documents/docName.ts'
import { SqliteDocStore } from '../server/store/SqliteDocStore.ts'
import { round } from './stats.ts'

/**
 * Load time of a document built from `n` small updates, with the server's compaction policy
 * (snapshot every `compactRows` rows, taken from the live document) and without it.
 */
export async function loadTime(n: number, compactRows: number) {
  const result: Record<string, { ms: number; rows: number }> = {}
  for (const mode of ['compacted', 'raw log'] as const) {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-'))
    const store = new SqliteDocStore({ path: join(dir, 'b.sqlite') })
    const name = 'bench/load' as DocName
    const doc = new Y.Doc()
    const text = doc.getText('t')
    let rows = 0
    let pending: Uint8Array[] = []
    doc.on('update', (u: Uint8Array) => pending.push(u))
    for (let i = 0; i < n; i++) {
      if (i % 7 === 6) text.delete(0, 2)
      else text.insert(text.length, `u${i} `)
      const seqs = await store.append(pending.map((update) => ({ doc: name, update })))
      pending = []
      if (mode === 'compacted' && ++rows >= compactRows) {
        await store.compact(name, Y.encodeStateAsUpdate(doc), seqs.get(name)!)
        rows = 0
      }
    }
    const runs: number[] = []
    let rowsRead = 0
    for (let r = 0; r < 5; r++) {
      const started = performance.now()
      const stored = await store.load(name)
      const loaded = new Y.Doc()
      Y.transact(loaded, () => {
        if (stored.snapshot) Y.applyUpdate(loaded, stored.snapshot)
        for (const u of stored.updates) Y.applyUpdate(loaded, u)
      })
      runs.push(performance.now() - started)
      rowsRead = stored.updates.length
    }
    runs.sort((a, b) => a - b)
    result[mode] = { ms: round(runs[2]!), rows: rowsRead }
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
  return { updates: n, ...result }
}
