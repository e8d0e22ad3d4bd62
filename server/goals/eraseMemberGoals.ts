import type { DocName } from '../../shared/documents/docName.ts'
import { goalsDocName } from '../../shared/goals/goalsDocNames.ts'
import type { Data } from '../data/Data.ts'
import type { Services } from '../http/AppEnv.ts'

/**
 * A member's own goals go with everything else that is theirs: the document with its whole
 * history (sockets closed, rows deleted) and the key and consent row that named it. The
 * group's goals stay the group's. Returns the number of documents deleted.
 */
export async function eraseMemberGoals(services: Services, memberId: string): Promise<number> {
  const data = await services.data()
  const rows = await data
    .selectFrom('member_goals')
    .select(['group_id', 'goals_key'])
    .where('member_id', '=', memberId)
    .execute()
  for (const row of rows) {
    await services.sync.forget(goalsDocName.member(row.group_id, row.goals_key) as DocName)
  }
  await deleteMemberGoalRows(data, memberId)
  return rows.length
}

/** The keys and consent rows that named their own goals documents. */
export async function deleteMemberGoalRows(data: Data, memberId: string): Promise<void> {
  await data.deleteFrom('member_goals').where('member_id', '=', memberId).execute()
}
