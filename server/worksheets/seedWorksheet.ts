import type { JSONContent } from '@tiptap/core'
import { parseGroupDocName } from '../../shared/documents/docKinds.ts'
import type { Keys } from '../crypto/Keys.ts'
import { groupScope, worksheetContent } from '../crypto/sealedColumns.ts'
import { lazyData, type DataSource } from '../data/Data.ts'
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
 *
 * It reads the worksheet through the data source (`Services.data`). Given the `Db` instead
 * (start-up builds the sync server before the services), it reaches the same SQLite connection
 * through a Kysely of its own, made when the first worksheet is seeded.
 */
export function worksheetSeeder(records: DataSource | Db, keys: Keys) {
  const source = typeof records === 'function' ? records : sqliteRecords(records)
  return async (name: string): Promise<Uint8Array | null> => {
    const doc = parseGroupDocName(name)
    if (!doc?.itemId || (doc.kind !== 'session-shared' && doc.kind !== 'member-private'))
      return null
    const data = await source()
    const row = await data
      .selectFrom('worksheets')
      .select(['mode', 'content'])
      .where('id', '=', doc.itemId)
      .where('session_id', '=', doc.sessionId)
      .where('group_id', '=', doc.groupId)
      .executeTakeFirst()
    if (!row) return null
    const expected = doc.kind === 'session-shared' ? 'shared' : 'private'
    if (row.mode !== expected) return null
    const content = await worksheetContent.open(
      keys,
      groupScope(doc.groupId),
      doc.itemId,
      row.content,
    )
    const { worksheetUpdate } = await loadWorksheetUpdate()
    return worksheetUpdate(JSON.parse(content) as JSONContent)
  }
}

/** The records on the `Db`'s SQLite connection, Kysely loaded on first use (not at start-up). */
const sqliteRecords = (db: Db): DataSource =>
  lazyData(async () => (await import('../data/openData.ts')).sqliteData(db))
