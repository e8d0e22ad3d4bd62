import type { Access } from '../../shared/access/Access.ts'
import type { GroupRole } from '../../shared/documents/docKinds.ts'
import { GOALS_ACCESS_RULES, type ParsedGoalsDocName } from '../../shared/goals/goalsDocNames.ts'
import type { Principal } from '../auth/Principal.ts'
import type { Db } from '../db/openDatabase.ts'

/**
 * The access policy of goals documents (`shared/goals/goalsDocNames.ts`): the person's role in
 * the named group, and for a member's own goals, whose they are (from the key) and whether
 * they shared them. A key nobody holds, or one of another group, opens nothing.
 */
export function goalsPolicy(db: Db) {
  const facilitatorRole = db.sql.prepare(
    'SELECT role FROM group_facilitators WHERE group_id = ? AND facilitator_id = ?',
  )
  const memberOf = db.sql.prepare('SELECT group_id, status FROM members WHERE id = ?')
  const goalsOwner = db.sql.prepare(
    'SELECT member_id, shared_with_facilitators FROM member_goals WHERE goals_key = ? AND group_id = ?',
  )
  return (principal: Principal, doc: ParsedGoalsDocName): Access => {
    if (principal.kind === 'token') return 'none'
    let owner: { member_id: string; shared_with_facilitators: number } | undefined
    if (doc.goalsKey !== undefined) {
      owner = goalsOwner.get(doc.goalsKey, doc.groupId) as typeof owner
      if (!owner) return 'none'
    }
    let role: GroupRole = 'outsider'
    if (principal.kind === 'facilitator') {
      const row = facilitatorRole.get(doc.groupId, principal.id) as
        { role: 'lead' | 'co' } | undefined
      if (row) role = row.role
    } else {
      const member = memberOf.get(principal.id) as { group_id: string; status: string } | undefined
      if (member?.group_id === doc.groupId) role = member.status === 'active' ? 'member' : 'removed'
    }
    return GOALS_ACCESS_RULES[doc.kind]({
      role,
      isOwner: owner !== undefined && owner.member_id === principal.id,
      sharedWithFacilitators: owner?.shared_with_facilitators === 1,
    })
  }
}
