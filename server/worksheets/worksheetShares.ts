import type { Data } from '../data/Data.ts'
import { newSecret } from '../db/newId.ts'

/** Who a share is for: the facilitators, or the whole group. */
export type ShareAudience = 'facilitators' | 'group'

/**
 * A member's consent to share a private sheet (`fieldId` ''), or one answer of it, with an
 * audience, given or taken back. Returns the key of the answer taken back, to withdraw it from
 * its audience's document. One statement each way, so requests at once (two tabs, two
 * instances) agree: a second share gives way to the first (the key is the sheet, member,
 * audience and field), and only the request that removed the row withdraws it.
 */
export async function setShare(
  data: Data,
  share: { worksheetId: string; memberId: string; audience: ShareAudience; fieldId: string },
  shared: boolean,
  now: number,
): Promise<string | undefined> {
  const { worksheetId, memberId, audience, fieldId } = share
  if (shared) {
    await data
      .insertInto('worksheet_shares')
      .values({
        worksheet_id: worksheetId,
        member_id: memberId,
        audience,
        field_id: fieldId,
        share_key: newSecret(),
        shared_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['worksheet_id', 'member_id', 'audience', 'field_id']).doNothing(),
      )
      .execute()
    return undefined
  }
  const removed = await data
    .deleteFrom('worksheet_shares')
    .where('worksheet_id', '=', worksheetId)
    .where('member_id', '=', memberId)
    .where('audience', '=', audience)
    .where('field_id', '=', fieldId)
    .returning('share_key')
    .executeTakeFirst()
  return removed?.share_key
}

/** Whether a member shared any single answer of a sheet (one indexed lookup). */
export const hasFieldShares = async (data: Data, worksheetId: string, memberId: string) =>
  (await data
    .selectFrom('worksheet_shares')
    .select('share_key')
    .where('worksheet_id', '=', worksheetId)
    .where('member_id', '=', memberId)
    .where('field_id', '!=', '')
    .limit(1)
    .executeTakeFirst()) !== undefined

/** The single answers a member shared of a sheet, each under its opaque key. */
export const fieldSharesOf = async (data: Data, worksheetId: string, memberId: string) =>
  (
    await data
      .selectFrom('worksheet_shares')
      .select(['audience', 'field_id', 'share_key'])
      .where('worksheet_id', '=', worksheetId)
      .where('member_id', '=', memberId)
      .where('field_id', '!=', '')
      .execute()
  ).map((row) => ({ ...row, audience: row.audience as ShareAudience }))

/** What a member shares of a sheet: the whole sheet (`fieldId` null) or single answers. */
export const ownSharesOf = async (data: Data, worksheetId: string, memberId: string) =>
  (
    await data
      .selectFrom('worksheet_shares')
      .select(['audience', 'field_id'])
      .where('worksheet_id', '=', worksheetId)
      .where('member_id', '=', memberId)
      .execute()
  ).map((r) => ({ audience: r.audience, fieldId: r.field_id || null }))

/**
 * The copies of a private sheet their members shared whole, with whom, by the members still
 * active: pseudonyms only. In member id order (lower-case base-32 behind one prefix, which
 * every collation orders alike), as SQLite's key had them.
 */
export const sheetSharesOf = async (data: Data, worksheetId: string) =>
  (
    await data
      .selectFrom('worksheet_shares as s')
      .innerJoin('members as m', 'm.id', 's.member_id')
      .select(['m.id as memberId', 'm.pseudonym', 'm.colour', 's.audience'])
      .where('s.worksheet_id', '=', worksheetId)
      .where('s.field_id', '=', '')
      .where('m.status', '=', 'active')
      .orderBy('s.member_id')
      .orderBy('s.audience')
      .execute()
  ).map((row) => ({ ...row, audience: row.audience as ShareAudience }))
