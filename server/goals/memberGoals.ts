import { goalsDocName } from '../../shared/goals/goalsDocNames.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import type { GoalsView } from '../../shared/goals/goalsView.ts'
import type { Data } from '../data/Data.ts'
import { newId } from '../db/newId.ts'

export interface MemberGoalsRow {
  goals_key: string
  shared_with_facilitators: number
}

/**
 * A member's own goals in their group, made on first use: the opaque key they are opened by
 * (`g/<group>/goals/<key>`, so the name carries no member id, C1) and whether the member
 * shared them with the facilitators. Two first uses at once (two tabs, two instances) make one
 * row: the second insert gives way to the first (the key is the group and member), and both
 * read the key that was kept.
 */
export async function memberGoalsFor(
  data: Data,
  groupId: string,
  memberId: string,
  now: number,
): Promise<MemberGoalsRow> {
  const existing = await ownGoals(data, groupId, memberId)
  if (existing) return existing
  await data
    .insertInto('member_goals')
    .values({
      group_id: groupId,
      member_id: memberId,
      goals_key: newId('goals'),
      shared_with_facilitators: 0,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['group_id', 'member_id']).doNothing())
    .execute()
  return (await ownGoals(data, groupId, memberId))!
}

const ownGoals = (data: Data, groupId: string, memberId: string) =>
  data
    .selectFrom('member_goals')
    .select(['goals_key', 'shared_with_facilitators'])
    .where('group_id', '=', groupId)
    .where('member_id', '=', memberId)
    .executeTakeFirst()

/** The document name of a member's own goals (its key made on first use). */
export const memberGoalsName = async (data: Data, groupId: string, memberId: string, now: number) =>
  goalsDocName.member(
    groupId,
    (await memberGoalsFor(data, groupId, memberId, now)).goals_key,
  ) as DocName

/** What a member has of their group's goals: the group's to read, their own to write. */
export async function memberGoalsView(
  data: Data,
  groupId: string,
  memberId: string,
  now: number,
): Promise<GoalsView> {
  const own = await memberGoalsFor(data, groupId, memberId, now)
  return {
    group: { document: goalsDocName.group(groupId), writable: false },
    own: {
      document: goalsDocName.member(groupId, own.goals_key),
      sharedWithFacilitators: own.shared_with_facilitators === 1,
    },
    sharedWithYou: [],
  }
}

/**
 * The goals the group's active members shared with the facilitators, by name: ordered here in
 * code-unit order, as SQLite's binary `ORDER BY` did (PostgreSQL would use its collation).
 */
export async function sharedGoalsOf(
  data: Data,
  groupId: string,
): Promise<{ name: string; colour: string; goals_key: string }[]> {
  const rows = await data
    .selectFrom('member_goals as g')
    .innerJoin('members as m', 'm.id', 'g.member_id')
    .select(['m.pseudonym as name', 'm.colour', 'g.goals_key'])
    .where('g.group_id', '=', groupId)
    .where('g.shared_with_facilitators', '=', 1)
    .where('m.status', '=', 'active')
    .execute()
  return rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}
