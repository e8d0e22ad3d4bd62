import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import type { Data } from '../data/Data.ts'
import { newId } from '../db/newId.ts'

/**
 * The opaque key of a member's private line in one session, made on first use. The line is
 * opened as `g/<group>/s/<session>/line/<key>`: its name carries no member id (C1), and the
 * access policy finds the owner from the key. Made by two requests (or instances) at once, it
 * is still one key: the row's key decides which is kept, and both read that one.
 */
export async function lineKeyFor(data: Data, sessionId: string, memberId: string): Promise<string> {
  const existing = () =>
    data
      .selectFrom('private_lines')
      .select('line_key')
      .where('session_id', '=', sessionId)
      .where('member_id', '=', memberId)
      .executeTakeFirst()
  const found = await existing()
  if (found) return found.line_key
  await data
    .insertInto('private_lines')
    .values({ session_id: sessionId, member_id: memberId, line_key: newId('line') })
    .onConflict((oc) => oc.columns(['session_id', 'member_id']).doNothing())
    .execute()
  return (await existing())!.line_key
}

/** The document name of a member's private line in one session (its key made on first use). */
export const lineNameFor = async (
  data: Data,
  groupId: string,
  sessionId: string,
  memberId: string,
): Promise<DocName> =>
  sessionDocName.line(groupId, sessionId, await lineKeyFor(data, sessionId, memberId)) as DocName
