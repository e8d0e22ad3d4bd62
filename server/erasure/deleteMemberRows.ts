import { FORMER_MEMBER } from '../../shared/members/formerMember.ts'
import { atomically, type Data } from '../data/Data.ts'
import { newId } from '../db/newId.ts'

/** Their answers to response slides; the counts that included them are published again after. */
export async function deleteSlideResponsesOf(data: Data, memberId: string): Promise<void> {
  await data.deleteFrom('slide_responses').where('member_id', '=', memberId).execute()
}

/**
 * The last of a member's erasure, in one transaction once their documents are gone: their
 * private lines, signals (their crisis alerts went with the chat's part), calendar link, push
 * subscriptions and whatever shares are left; their pseudonym becomes the former member's and
 * their passphrase goes. The row itself stays, blanked, for what still names it (attendance,
 * the trail).
 */
export async function deleteMemberRows(data: Data, memberId: string): Promise<void> {
  await atomically(data, async (trx) => {
    await trx.deleteFrom('private_lines').where('member_id', '=', memberId).execute()
    await trx.deleteFrom('silent_signals').where('member_id', '=', memberId).execute()
    await trx.deleteFrom('calendar_feeds').where('member_id', '=', memberId).execute()
    await trx.deleteFrom('push_subscriptions').where('member_id', '=', memberId).execute()
    await trx.deleteFrom('worksheet_shares').where('member_id', '=', memberId).execute()
    await trx
      .updateTable('members')
      .set({ pseudonym: FORMER_MEMBER, pseudonym_key: newId('member'), passphrase_hash: null })
      .where('id', '=', memberId)
      .execute()
  })
}
