import type { Selectable } from 'kysely'
import { HTTPException } from 'hono/http-exception'
import { hashToken } from '../auth/logins.ts'
import type { Data } from '../data/Data.ts'
import type { Tables } from '../data/Tables.ts'
import { groupSettingsOf } from '../groups/groupQueries.ts'

export type InvitationRow = Selectable<Tables['invitations']>

/** Why an invitation cannot be used; each has its own clear message and status. */
const REFUSALS = {
  unknown: [404, 'This invitation link is not valid. Ask your facilitator for a new one.'],
  revoked: [410, 'This invitation was withdrawn. Ask your facilitator for a new one.'],
  expired: [410, 'This invitation has expired. Ask your facilitator for a new one.'],
  used: [410, 'This invitation has already been used. Ask your facilitator for a new one.'],
  full: [409, 'This group is full at the moment. Your facilitator can tell you more.'],
} as const

export type InvitationRefusal = keyof typeof REFUSALS

/** The answer to a token that cannot be used, with the reason as its `cause`. */
export function invitationRefused(why: InvitationRefusal): HTTPException {
  const [status, message] = REFUSALS[why]
  return new HTTPException(status, { message, cause: why })
}

/**
 * The invitation a token opens; throws the reason it cannot be used at `now` (a re-issued
 * link restores a member, so only a new member needs a free place in the group).
 */
export async function usableInvitation(
  data: Data,
  token: string,
  now: number,
): Promise<InvitationRow> {
  const row = await data
    .selectFrom('invitations')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst()
  if (!row) throw invitationRefused('unknown')
  if (row.revoked_at !== null) throw invitationRefused('revoked')
  if (row.expires_at <= now) throw invitationRefused('expired')
  if (row.uses >= row.max_uses) throw invitationRefused('used')
  if (!row.member_id) {
    const { capacity } = (await groupSettingsOf(data, row.group_id))!
    const { n } = await data
      .selectFrom('members')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('group_id', '=', row.group_id)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow()
    if (Number(n) >= capacity) throw invitationRefused('full')
  }
  return row
}
