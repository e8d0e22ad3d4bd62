import type { DocName } from '../../shared/documents/docName.ts'
import { goalsDocName } from '../../shared/goals/goalsDocNames.ts'
import type { Services } from '../http/AppEnv.ts'

/**
 * A member's own goals go with everything else that is theirs: the document with its whole
 * history (sockets closed, rows deleted) and the key and consent row that named it. The
 * group's goals stay the group's. Returns the number of documents deleted.
 */
export async function eraseMemberGoals(services: Services, memberId: string): Promise<number> {
  const { db, sync } = services
  const rows = db.sql
    .prepare('SELECT group_id, goals_key FROM member_goals WHERE member_id = ?')
    .all(memberId) as { group_id: string; goals_key: string }[]
  for (const row of rows) {
    await sync.forget(goalsDocName.member(row.group_id, row.goals_key) as DocName)
  }
  db.sql.prepare('DELETE FROM member_goals WHERE member_id = ?').run(memberId)
  return rows.length
}
