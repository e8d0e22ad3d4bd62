import * as Y from 'yjs'
import type { StoredDoc } from '../store/DocStore.ts'

/** What replaying a document's stored rows found wrong; all zero/false for a sound document. */
export interface Damage {
  /** Rows (snapshot included) that did not decrypt or that Yjs could not read. */
  unreadableRows: number
  /** Why the first row did not decrypt (names the record, never its bytes). */
  sealRejected?: string
  /** Updates whose dependencies are missing (a lost row): Yjs keeps them pending, unapplied. */
  missingDependencies: boolean
}

/**
 * Replays a document's snapshot and log into `doc`, row by row, and says what was wrong. A
 * document with a row deleted or damaged would otherwise load partly and silently: Yjs keeps
 * the updates that depend on the lost row as pending structs and shows none of them.
 */
export function replayStored(doc: Y.Doc, stored: StoredDoc): Damage | null {
  let unreadableRows = stored.rejected?.rows ?? 0
  Y.transact(doc, () => {
    for (const row of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) {
      try {
        Y.applyUpdate(doc, row)
      } catch {
        unreadableRows++
      }
    }
  })
  const missingDependencies = doc.store.pendingStructs !== null || doc.store.pendingDs !== null
  if (unreadableRows === 0 && !missingDependencies) return null
  const damage: Damage = { unreadableRows, missingDependencies }
  if (stored.rejected) damage.sealRejected = stored.rejected.reason
  return damage
}
