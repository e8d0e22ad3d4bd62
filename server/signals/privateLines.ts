import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import type { Db } from '../db/openDatabase.ts'
import { newId } from '../db/newId.ts'

/**
 * The opaque key of a member's private line in one session, made on first use. The line is
 * opened as `g/<group>/s/<session>/line/<key>`: its name carries no member id (C1), and the
 * access policy finds the owner from the key.
 */
export function lineKeyFor(db: Db, sessionId: string, memberId: string): string {
  const existing = db.sql
    .prepare('SELECT line_key FROM private_lines WHERE session_id = ? AND member_id = ?')
    .get(sessionId, memberId) as { line_key: string } | undefined
  if (existing) return existing.line_key
  const key = newId('line')
  db.sql
    .prepare('INSERT INTO private_lines (session_id, member_id, line_key) VALUES (?, ?, ?)')
    .run(sessionId, memberId, key)
  return key
}

/** The document name of a member's private line in one session (its key made on first use). */
export const lineNameFor = (db: Db, groupId: string, sessionId: string, memberId: string) =>
  sessionDocName.line(groupId, sessionId, lineKeyFor(db, sessionId, memberId)) as DocName
