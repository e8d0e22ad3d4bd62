import type { JSONContent } from '@tiptap/core'
import { parseGroupDocName } from '../../shared/documents/docKinds.ts'
import type { KeyRing } from '../crypto/keyRing.ts'
import { groupScope, worksheetContent } from '../crypto/sealedColumns.ts'
import type { Db } from '../db/openDatabase.ts'
import type * as WorksheetUpdate from './worksheetUpdate.ts'

/**
 * TipTap, ProseMirror and their Yjs binding (tens of MiB), loaded when the first worksheet is
 * seeded rather than at every start: the checks before it tell most documents apart without.
 */
let tiptapPart: Promise<typeof WorksheetUpdate> | null = null
const loadWorksheetUpdate = () => (tiptapPart ??= import('./worksheetUpdate.ts'))

/**
 * The sync server's seed hook for worksheets: a shared worksheet, or a member's private copy,
 * starts as the content fixed when the facilitator assigned it. Any other document starts empty.
 * Content that does not open throws (`SealedDataRejected`): the document is not opened at all,
 * rather than opened empty.
 */
export function worksheetSeeder(db: Db, keys: KeyRing) {
  const find = db.sql.prepare(
    'SELECT mode, content FROM worksheets WHERE id = ? AND session_id = ? AND group_id = ?',
  )
  return async (name: string): Promise<Uint8Array | null> => {
    const doc = parseGroupDocName(name)
    if (!doc?.itemId || (doc.kind !== 'session-shared' && doc.kind !== 'member-private'))
      return null
    const row = find.get(doc.itemId, doc.sessionId, doc.groupId) as
      { mode: string; content: string } | undefined
    if (!row) return null
    const expected = doc.kind === 'session-shared' ? 'shared' : 'private'
    if (row.mode !== expected) return null
    const content = worksheetContent.open(keys, groupScope(doc.groupId), doc.itemId, row.content)
    const { worksheetUpdate } = await loadWorksheetUpdate()
    return worksheetUpdate(JSON.parse(content) as JSONContent)
  }
}
