import type { Db } from '../db/openDatabase.ts'
import type { AccessScope } from '../sync/accessScope.ts'

/**
 * The sockets of the members who came to a session (admitted, waiting or sent back): those a
 * change to that session decides again (`SyncServer.reauthorize`).
 */
export function membersOfSession(db: Db, sessionId: string): AccessScope {
  const rows = db.sql
    .prepare('SELECT member_id FROM session_attendance WHERE session_id = ?')
    .all(sessionId) as { member_id: string }[]
  return { people: { kind: 'member', ids: rows.map((r) => r.member_id) } }
}
