import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FORMER_MEMBER } from '../../../shared/members/formerMember.ts'
import { deleteMemberChatRows } from '../../chat/eraseMemberChat.ts'
import { deleteMemberRitualRows } from '../../checkins/eraseMemberRituals.ts'
import type { Data } from '../../data/Data.ts'
import { DIALECTS, type OpenedData } from '../../data/test/eachDialect.ts'
import { deleteMemberGoalRows } from '../../goals/eraseMemberGoals.ts'
import { deleteMemberCanvasRows } from '../../whiteboard/eraseMemberCanvas.ts'
import { deleteCopyRows } from '../eraseCopy.ts'
import { deleteMemberRows, deleteSlideResponsesOf } from '../deleteMemberRows.ts'
import {
  aGroupFootprint,
  aMemberFootprint,
  rowsNaming,
  type GroupFootprint,
  type MemberFootprint,
} from './footprints.ts'

/** The row deletions of `eraseMember`, in its order, without the documents between them. */
async function deleteRowsOf(data: Data, group: GroupFootprint, memberId: string) {
  await deleteCopyRows(data, group.sheet, memberId)
  await deleteSlideResponsesOf(data, memberId)
  await deleteMemberChatRows(data, memberId)
  await deleteMemberCanvasRows(data, memberId)
  await deleteMemberRitualRows(data, memberId)
  await deleteMemberGoalRows(data, memberId)
  await deleteMemberRows(data, memberId)
}

/**
 * What stays of an erased member, by design: their row (blanked), and rows that say what the
 * group did without any content of theirs: attendance, the agreement they accepted, their
 * personal invitation, the copy marked deleted, their chat messages as "removed" marks (the
 * chat's own step takes the words out), their video identity and its attendance, and the
 * reminders sent to a subscription that is gone.
 */
const KEPT = [
  'agreement_acceptances',
  'chat_messages',
  'deleted_copies',
  'invitations',
  'members',
  'reminders_sent',
  'session_attendance',
  'video_attendance',
  'video_identities',
]

describe.each(DIALECTS)('[C19] deleting a member’s rows on $name', ({ open }) => {
  let opened: OpenedData
  let group: GroupFootprint
  let robin: MemberFootprint
  let sky: MemberFootprint
  let other: MemberFootprint
  beforeEach(async () => {
    opened = await open()
    group = await aGroupFootprint(opened.data)
    robin = await aMemberFootprint(opened.data, group)
    sky = await aMemberFootprint(opened.data, group)
    other = await aMemberFootprint(opened.data, await aGroupFootprint(opened.data))
  })
  afterEach(() => opened.close())

  it('leaves only the rows kept by design, and touches nobody else’s', async () => {
    const { data } = opened
    const ofSky = await rowsNaming(data, sky.ids)
    const ofOther = await rowsNaming(data, other.ids)
    expect(await rowsNaming(data, robin.ids)).toEqual(ofSky)
    const images = await data.selectFrom('images').select('hash').execute()

    await deleteRowsOf(data, group, robin.id)

    expect(await rowsNaming(data, robin.ids)).toEqual(ofSky.filter((table) => KEPT.includes(table)))
    const row = await data
      .selectFrom('members')
      .selectAll()
      .where('id', '=', robin.id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ pseudonym: FORMER_MEMBER, passphrase_hash: null })
    expect(row.pseudonym_key).not.toBe(robin.id)
    // Robin's picture went with their canvas; the deck's and the others' stay.
    expect(await data.selectFrom('images').select('hash').execute()).toHaveLength(images.length - 1)
    expect(await rowsNaming(data, sky.ids)).toEqual(ofSky)
    expect(await rowsNaming(data, other.ids)).toEqual(ofOther)
    const pseudonyms = await data
      .selectFrom('members')
      .select('pseudonym')
      .where('id', 'in', [sky.id, other.id])
      .execute()
    expect(pseudonyms.map((p) => p.pseudonym)).not.toContain(FORMER_MEMBER)
  })

  it('every step runs in its caller’s transaction, when there is one', async () => {
    const { data } = opened
    const before = await rowsNaming(data, robin.ids)
    await expect(
      data.transaction().execute(async (trx) => {
        await deleteRowsOf(trx, group, robin.id)
        throw new Error('the rest failed')
      }),
    ).rejects.toThrow('the rest failed')
    expect(await rowsNaming(data, robin.ids)).toEqual(before)
  })
})
