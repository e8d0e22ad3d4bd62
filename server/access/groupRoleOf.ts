import type { GroupRole } from '../../shared/documents/docKinds.ts'
import type { Principal } from '../auth/Principal.ts'
import type { Data } from '../data/Data.ts'

export type FacilitatorRole = 'lead' | 'co'

/** A facilitator's role in a group, or null when they do not run it. */
export async function facilitatorRoleIn(
  data: Data,
  groupId: string,
  facilitatorId: string,
): Promise<FacilitatorRole | null> {
  const row = await data
    .selectFrom('group_facilitators')
    .select('role')
    .where('group_id', '=', groupId)
    .where('facilitator_id', '=', facilitatorId)
    .executeTakeFirst()
  return (row?.role as FacilitatorRole | undefined) ?? null
}

/**
 * A person's role in a group, as the access rules read it: `lead` or `co` for its
 * facilitators, `member` or `removed` for its members, `outsider` for anyone else (a token
 * included). Every policy asks this one question the same way.
 */
export async function groupRoleOf(
  data: Data,
  principal: Principal,
  groupId: string,
): Promise<GroupRole> {
  if (principal.kind === 'facilitator') {
    return (await facilitatorRoleIn(data, groupId, principal.id)) ?? 'outsider'
  }
  if (principal.kind !== 'member') return 'outsider'
  const member = await data
    .selectFrom('members')
    .select(['group_id', 'status'])
    .where('id', '=', principal.id)
    .executeTakeFirst()
  if (member?.group_id !== groupId) return 'outsider'
  return member.status === 'active' ? 'member' : 'removed'
}
