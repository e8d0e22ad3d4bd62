import { goalsDocName } from '../../shared/goals/goalsDocNames.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import type { GoalsView } from '../../shared/goals/goalsView.ts'
import type { Db } from '../db/openDatabase.ts'
import { newId } from '../db/newId.ts'

export interface MemberGoalsRow {
  goals_key: string
  shared_with_facilitators: number
}

/**
 * A member's own goals in their group, made on first use: the opaque key they are opened by
 * (`g/<group>/goals/<key>`, so the name carries no member id, C1) and whether the member
 * shared them with the facilitators.
 */
export function memberGoalsFor(
  db: Db,
  groupId: string,
  memberId: string,
  now: number,
): MemberGoalsRow {
  const existing = db.sql
    .prepare(
      'SELECT goals_key, shared_with_facilitators FROM member_goals WHERE group_id = ? AND member_id = ?',
    )
    .get(groupId, memberId) as MemberGoalsRow | undefined
  if (existing) return existing
  const row = { goals_key: newId('goals'), shared_with_facilitators: 0 }
  db.sql
    .prepare(
      'INSERT INTO member_goals (group_id, member_id, goals_key, shared_with_facilitators, created_at) VALUES (?, ?, ?, 0, ?)',
    )
    .run(groupId, memberId, row.goals_key, now)
  return row
}

/** The document name of a member's own goals (its key made on first use). */
export const memberGoalsName = (db: Db, groupId: string, memberId: string, now: number) =>
  goalsDocName.member(groupId, memberGoalsFor(db, groupId, memberId, now).goals_key) as DocName

/** What a member has of their group's goals: the group's to read, their own to write. */
export function memberGoalsView(db: Db, groupId: string, memberId: string, now: number): GoalsView {
  const own = memberGoalsFor(db, groupId, memberId, now)
  return {
    group: { document: goalsDocName.group(groupId), writable: false },
    own: {
      document: goalsDocName.member(groupId, own.goals_key),
      sharedWithFacilitators: own.shared_with_facilitators === 1,
    },
    sharedWithYou: [],
  }
}
