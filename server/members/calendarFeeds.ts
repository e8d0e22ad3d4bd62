import { audit } from '../audit/audit.ts'
import { atomically, type Data } from '../data/Data.ts'

/**
 * Gives a member a new calendar feed (by its token's hash), with its audit entry. One feed per
 * member: the new one replaces the old in one statement, so that two requests at once (on any
 * instances) leave one feed, not a clash on the member's key.
 */
export async function replaceCalendarFeed(
  data: Data,
  member: { id: string; groupId: string },
  tokenHash: string,
  now: number,
): Promise<void> {
  await atomically(data, async (trx) => {
    await trx
      .insertInto('calendar_feeds')
      .values({ token_hash: tokenHash, member_id: member.id })
      .onConflict((oc) => oc.column('member_id').doUpdateSet({ token_hash: tokenHash }))
      .execute()
    await audit(
      trx,
      {
        actor: { kind: 'member', id: member.id },
        action: 'calendar.created',
        groupId: member.groupId,
      },
      now,
    )
  })
}

/** The active member a feed belongs to, or undefined (unknown token, removed member). */
export function calendarFeedMember(data: Data, tokenHash: string) {
  return data
    .selectFrom('calendar_feeds as f')
    .innerJoin('members as m', 'm.id', 'f.member_id')
    .select(['m.id', 'm.group_id'])
    .where('f.token_hash', '=', tokenHash)
    .where('m.status', '=', 'active')
    .executeTakeFirst()
}
