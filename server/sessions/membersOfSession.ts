import type { Db } from '../db/openDatabase.ts'

/**
 * Selects the members who came to a session (admitted, waiting or sent back): whose open
 * sockets a change to that session re-decides (`reauthorizeWhere`).
 */
export const membersOfSession =
  (db: Db, sessionId: string) =>
  (p: { kind: string; id: string }): boolean =>
    p.kind === 'member' &&
    !!db.sql
      .prepare('SELECT 1 FROM session_attendance WHERE session_id = ? AND member_id = ?')
      .get(sessionId, p.id)
