import { parseCopyAlias, sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import type { Data } from '../data/Data.ts'
import { newId } from '../db/newId.ts'

/**
 * The opaque key of a member's private copy of a worksheet, made on first use. Two first uses
 * at once (two tabs, two instances) make one row: the second insert gives way to the first
 * (the key is the worksheet and member), and both read the key that was kept.
 */
export async function copyKeyFor(
  data: Data,
  worksheetId: string,
  memberId: string,
): Promise<string> {
  const existing = await copyKeyOf(data, worksheetId, memberId)
  if (existing) return existing.copy_key
  await data
    .insertInto('private_copies')
    .values({ worksheet_id: worksheetId, member_id: memberId, copy_key: newId('copy') })
    .onConflict((oc) => oc.columns(['worksheet_id', 'member_id']).doNothing())
    .execute()
  return (await copyKeyOf(data, worksheetId, memberId))!.copy_key
}

const copyKeyOf = (data: Data, worksheetId: string, memberId: string) =>
  data
    .selectFrom('private_copies')
    .select('copy_key')
    .where('worksheet_id', '=', worksheetId)
    .where('member_id', '=', memberId)
    .executeTakeFirst()

interface CopyRow {
  worksheet_id: string
  member_id: string
  session_id: string
  group_id: string
}

/**
 * The stored member-private name a private copy's alias stands for: null when the key is
 * unknown or belongs to another session, any other name itself. Access is then decided on the
 * stored name, by its own rule.
 */
export async function resolveCopyAlias(data: Data, name: DocName): Promise<DocName | null> {
  const alias = parseCopyAlias(name)
  if (!alias) return name
  const row = await data
    .selectFrom('private_copies as c')
    .innerJoin('worksheets as w', 'w.id', 'c.worksheet_id')
    .select(['c.worksheet_id', 'c.member_id', 'w.session_id', 'w.group_id'])
    .where('c.copy_key', '=', alias.copyKey)
    .executeTakeFirst()
  return storedNameOf(alias, row)
}

const storedNameOf = (
  alias: { groupId: string; sessionId: string },
  row: CopyRow | undefined,
): DocName | null => {
  if (!row || row.group_id !== alias.groupId || row.session_id !== alias.sessionId) return null
  return sessionDocName.private(
    row.group_id,
    row.session_id,
    row.worksheet_id,
    row.member_id,
  ) as DocName
}
