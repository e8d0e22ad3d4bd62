import type { DatabaseSync } from 'node:sqlite'
import type { DocName } from '../../shared/documents/docName.ts'
import { type DocCipher, sealSnapshot, sealUpdate } from './docCipher.ts'

/**
 * Rows an install wrote before encryption at rest are sealed in place, once, at start-up, in
 * one transaction; secure delete overwrites the plain pages, and the write-ahead log is then
 * folded and emptied so no plain copy stays in it. Returns how many rows were sealed and how
 * many could not be (their key was erased: they stay unreadable to every user anyway).
 */
export function sealLegacyRows(
  db: DatabaseSync,
  cipher: DocCipher,
): { sealed: number; keyless: number } {
  const updates = db.prepare('SELECT seq, doc, data FROM doc_updates WHERE sealed = 0').all() as {
    seq: number
    doc: DocName
    data: Uint8Array
  }[]
  const snapshots = db
    .prepare('SELECT doc, up_to_seq, data FROM doc_snapshots WHERE sealed = 0')
    .all() as { doc: DocName; up_to_seq: number; data: Uint8Array }[]
  if (updates.length + snapshots.length === 0) return { sealed: 0, keyless: 0 }
  const setUpdate = db.prepare('UPDATE doc_updates SET data = ?, sealed = 1 WHERE seq = ?')
  const setSnapshot = db.prepare('UPDATE doc_snapshots SET data = ?, sealed = 1 WHERE doc = ?')
  const keyOf = (doc: DocName) => {
    try {
      return cipher.keyOf(doc)
    } catch {
      return null
    }
  }
  let sealed = 0
  let keyless = 0
  db.exec('BEGIN IMMEDIATE')
  try {
    for (const { seq, doc, data } of updates) {
      const key = keyOf(doc)
      if (!key) {
        keyless++
        continue
      }
      setUpdate.run(sealUpdate(key, doc, seq, data), seq)
      sealed++
    }
    for (const { doc, up_to_seq, data } of snapshots) {
      const key = keyOf(doc)
      if (!key) {
        keyless++
        continue
      }
      setSnapshot.run(sealSnapshot(key, doc, up_to_seq, data), doc)
      sealed++
    }
    db.exec('COMMIT')
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK')
    throw error
  }
  db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
  return { sealed, keyless }
}
