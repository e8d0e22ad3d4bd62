import { parseCopyAlias, sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import type { Db } from '../db/openDatabase.ts'
import { newId } from '../db/newId.ts'

/** The opaque key of a member's private copy of a worksheet, made on first use. */
export function copyKeyFor(db: Db, worksheetId: string, memberId: string): string {
  const existing = db.sql
    .prepare('SELECT copy_key FROM private_copies WHERE worksheet_id = ? AND member_id = ?')
    .get(worksheetId, memberId) as { copy_key: string } | undefined
  if (existing) return existing.copy_key
  const key = newId('copy')
  db.sql
    .prepare('INSERT INTO private_copies (worksheet_id, member_id, copy_key) VALUES (?, ?, ?)')
    .run(worksheetId, memberId, key)
  return key
}

/**
 * Turns the name a client opened into the document it stands for: a private copy's alias into
 * its stored member-private name (null when the key is unknown or belongs to another session),
 * any other name into itself. Access is then decided on the stored name, by its own rule.
 */
export function resolveDocName(db: Db): (name: DocName) => DocName | null {
  const byKey = db.sql.prepare(
    `SELECT c.worksheet_id, c.member_id, w.session_id, w.group_id FROM private_copies c
     JOIN worksheets w ON w.id = c.worksheet_id WHERE c.copy_key = ?`,
  )
  return (name) => {
    const alias = parseCopyAlias(name)
    if (!alias) return name
    const row = byKey.get(alias.copyKey) as
      { worksheet_id: string; member_id: string; session_id: string; group_id: string } | undefined
    if (!row || row.group_id !== alias.groupId || row.session_id !== alias.sessionId) return null
    return sessionDocName.private(
      row.group_id,
      row.session_id,
      row.worksheet_id,
      row.member_id,
    ) as DocName
  }
}
