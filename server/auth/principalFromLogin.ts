import type { FacilitatorId, GroupId, MemberId } from '../../shared/ids/ids.ts'
import type { Services } from '../http/AppEnv.ts'
import { resolveLogin } from './logins.ts'
import type { Principal } from './Principal.ts'

/**
 * The principal behind a login token, or null when the token is unknown, expired, ended, or
 * belongs to a member who was removed. Used by HTTP and by the WebSocket upgrade alike, so
 * both are authenticated from the same session.
 */
export async function principalFromLogin(
  services: Services,
  token: string,
): Promise<Principal | null> {
  const { now, loginPolicy } = services
  const checked = await resolveLogin(
    await services.data(),
    token,
    (kind) => loginPolicy[kind],
    now(),
  )
  if (!checked) return null
  const login = checked
  const data = await services.data()
  if (login.owner.kind === 'facilitator') {
    const row = await data
      .selectFrom('facilitators')
      .select('display_name')
      .where('id', '=', login.owner.id)
      .executeTakeFirst()
    if (!row) return null
    return {
      kind: 'facilitator',
      id: login.owner.id as FacilitatorId,
      loginHash: checked.tokenHash,
      expiresAt: checked.expiresAt,
      name: row.display_name,
    }
  }
  const member = await data
    .selectFrom('members')
    .select(['group_id', 'pseudonym', 'colour'])
    .where('id', '=', login.owner.id)
    .where('status', '=', 'active')
    .executeTakeFirst()
  if (!member) return null
  return {
    kind: 'member',
    id: login.owner.id as MemberId,
    groupId: member.group_id as GroupId,
    loginHash: checked.tokenHash,
    expiresAt: checked.expiresAt,
    name: member.pseudonym,
    colour: member.colour,
  }
}
