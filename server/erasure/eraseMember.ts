import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { endLoginsOf } from '../auth/logins.ts'
import type { Data } from '../data/Data.ts'
import type { Services } from '../http/AppEnv.ts'
import { publishResults } from '../slides/publishResults.ts'
import { eraseMemberChat } from '../chat/eraseMemberChat.ts'
import { eraseMemberCanvas } from '../whiteboard/eraseMemberCanvas.ts'
import { eraseMemberRituals } from '../checkins/eraseMemberRituals.ts'
import { eraseMemberGoals } from '../goals/eraseMemberGoals.ts'
import { eraseCopy, type SheetRef } from './eraseCopy.ts'
import { deleteMemberRows, deleteSlideResponsesOf } from './deleteMemberRows.ts'

/**
 * Whether the member has anything of a private sheet: a copy's alias, a share, or the copy
 * stored by name (as committed so far).
 */
async function hasCopy(
  services: Services,
  data: Data,
  sheet: SheetRef,
  memberId: string,
): Promise<boolean> {
  const row = await data
    .selectFrom('private_copies')
    .select('member_id')
    .where('worksheet_id', '=', sheet.id)
    .where('member_id', '=', memberId)
    .union(
      data
        .selectFrom('worksheet_shares')
        .select('member_id')
        .where('worksheet_id', '=', sheet.id)
        .where('member_id', '=', memberId),
    )
    .executeTakeFirst()
  if (row) return true
  const name = sessionDocName.private(sheet.group_id, sheet.session_id, sheet.id, memberId)
  // Longer names may share it as a prefix: only the exact one counts.
  return (await services.sync.storedNames(name)).includes(name as DocName)
}

/**
 * Erases everything that is a member's own, for good (leaving and erasing, or a facilitator
 * acting on their request): every private copy with what they shared from it, their private
 * lines, signals and calendar link; their pseudonym and passphrase; and their logins, whose
 * sockets close. What they wrote on the group's shared sheets stays the group's (Yjs keeps no
 * author, and the agreement says so); so do anonymous chat messages nobody may trace to them.
 * Chat messages that can be traced are removed (server/chat/eraseMemberChat.ts). The rows go
 * step by step, each after the documents that name them (`deleteMemberRows.ts` last). Returns
 * the number of documents deleted or rewritten.
 */
export async function eraseMember(
  services: Services,
  memberId: string,
): Promise<{ documents: number; loginsEnded: string[] }> {
  const { sync, now } = services
  const data = await services.data()
  const member = await data
    .selectFrom('members')
    .select('group_id')
    .where('id', '=', memberId)
    .executeTakeFirst()
  if (!member) return { documents: 0, loginsEnded: [] }
  // Stop them first: no socket of theirs may write while their documents go.
  const at = now()
  await data
    .updateTable('members')
    .set((eb) => ({ status: 'removed', removed_at: eb.fn.coalesce('removed_at', eb.val(at)) }))
    .where('id', '=', memberId)
    .execute()
  const loginsEnded = await endLoginsOf(
    await services.data(),
    [{ kind: 'member', id: memberId }],
    now(),
  )
  sync.closeLogins(loginsEnded)
  // Every private sheet of the group they may have a copy of: by alias, or stored by name.
  const sheets = await data
    .selectFrom('worksheets')
    .select(['id', 'session_id', 'group_id'])
    .where('group_id', '=', member.group_id)
    .where('mode', '=', 'private')
    .execute()
  let documents = 0
  for (const sheet of sheets) {
    if (await hasCopy(services, data, sheet, memberId)) {
      documents += await eraseCopy(services, sheet, memberId)
    }
  }
  const lines = await data
    .selectFrom('private_lines as l')
    .innerJoin('sessions as s', 's.id', 'l.session_id')
    .select(['l.line_key', 's.id as session_id', 's.group_id'])
    .where('l.member_id', '=', memberId)
    .execute()
  for (const line of lines) {
    await sync.forget(sessionDocName.line(line.group_id, line.session_id, line.line_key) as DocName)
    documents++
  }
  // Their answers to response slides, and the counts that included them.
  const answered = await data
    .selectFrom('slide_responses as r')
    .innerJoin('handouts as h', 'h.id', 'r.handout_id')
    .select(['r.handout_id as id', 'r.slide_id as slideId', 'h.session_id as sessionId'])
    .distinct()
    .where('r.member_id', '=', memberId)
    .execute()
  await deleteSlideResponsesOf(data, memberId)
  for (const a of answered) {
    const handout = { id: a.id, sessionId: a.sessionId, groupId: member.group_id }
    await publishResults(services, handout, a.slideId)
    // The counts are rewritten; folding the logs takes the old words out of the store.
    await sync.compactNow(
      sessionDocName.handoutResults(member.group_id, a.sessionId, a.id) as DocName,
    )
    await sync.compactNow(sessionDocName.handout(member.group_id, a.sessionId, a.id) as DocName)
    documents++
  }
  documents += await eraseMemberChat(services, memberId)
  documents += await eraseMemberCanvas(services, memberId)
  documents += await eraseMemberRituals(services, memberId)
  documents += await eraseMemberGoals(services, memberId)
  await deleteMemberRows(data, memberId)
  // Their private copies are deleted above; destroying their key makes older backups of them
  // unreadable too (crypto-erasure).
  await services.keys.destroy(`member:${memberId}`)
  return { documents, loginsEnded }
}
