import type { Access } from '../../shared/access/Access.ts'
import { GOALS_ACCESS_RULES, type ParsedGoalsDocName } from '../../shared/goals/goalsDocNames.ts'
import { groupRoleOf } from '../access/groupRoleOf.ts'
import type { Principal } from '../auth/Principal.ts'
import type { Data } from '../data/Data.ts'

/**
 * The access policy of goals documents (`shared/goals/goalsDocNames.ts`): the person's role in
 * the named group, and for a member's own goals, whose they are (from the key) and whether
 * they shared them. A key nobody holds, or one of another group, opens nothing.
 */
export async function goalsPolicy(
  data: Data,
  principal: Principal,
  doc: ParsedGoalsDocName,
): Promise<Access> {
  if (principal.kind === 'token') return 'none'
  let owner: { member_id: string; shared_with_facilitators: number } | undefined
  if (doc.goalsKey !== undefined) {
    owner = await data
      .selectFrom('member_goals')
      .select(['member_id', 'shared_with_facilitators'])
      .where('goals_key', '=', doc.goalsKey)
      .where('group_id', '=', doc.groupId)
      .executeTakeFirst()
    if (!owner) return 'none'
  }
  const role = await groupRoleOf(data, principal, doc.groupId)
  return GOALS_ACCESS_RULES[doc.kind]({
    role,
    isOwner: owner !== undefined && owner.member_id === principal.id,
    sharedWithFacilitators: owner?.shared_with_facilitators === 1,
  })
}
