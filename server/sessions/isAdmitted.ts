import type { Db } from '../db/openDatabase.ts'

/** Whether a member is admitted to a session: the one test behind "nothing before admission" (C3). */
export function isAdmitted(db: Db, sessionId: string, memberId: string): boolean {
  return !!db.sql
    .prepare(
      "SELECT 1 FROM session_attendance WHERE session_id = ? AND member_id = ? AND state = 'admitted'",
    )
    .get(sessionId, memberId)
}
