import type { Access } from '../../shared/access/Access.ts'
import type { GroupRole } from '../../shared/documents/docKinds.ts'
import { GOALS_ACCESS_RULES, type ParsedGoalsDocName } from '../../shared/goals/goalsDocNames.ts'
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
  let role: GroupRole = 'outsider'
  if (principal.kind === 'facilitator') {
    const row = await data
      .selectFrom('group_facilitators')
      .select('role')
      .where('group_id', '=', doc.groupId)
      .where('facilitator_id', '=', principal.id)
      .executeTakeFirst()
    if (row) role = row.role as 'lead' | 'co'
  } else {
    const member = await data
      .selectFrom('members')
      .select(['group_id', 'status'])
      .where('id', '=', principal.id)
      .executeTakeFirst()
    if (member?.group_id === doc.groupId) role = member.status === 'active' ? 'member' : 'removed'
  }
  return GOALS_ACCESS_RULES[doc.kind]({
    role,
    isOwner: owner !== undefined && owner.member_id === principal.id,
    sharedWithFacilitators: owner?.shared_with_facilitators === 1,
  })
}
