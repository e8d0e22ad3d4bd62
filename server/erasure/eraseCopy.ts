import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import type { Data } from '../data/Data.ts'
import type { Services } from '../http/AppEnv.ts'
import { withdrawSharedAnswer } from '../worksheets/mirrorSharedAnswers.ts'

export interface SheetRef {
  id: string
  session_id: string
  group_id: string
}

/**
 * Erases one member's own copy of one worksheet, wherever it went: the answers they shared
 * from it leave their audiences' documents (whose logs are then folded, so the words leave
 * the store too), the copy and its whole history are deleted, its end-of-session snapshot
 * and consent rows go, and its alias stops resolving. Returns the documents touched.
 */
export async function eraseCopy(
  services: Services,
  sheet: SheetRef,
  memberId: string,
): Promise<number> {
  const { sync } = services
  const data = await services.data()
  const shares = await data
    .selectFrom('worksheet_shares')
    .select(['audience', 'share_key'])
    .where('worksheet_id', '=', sheet.id)
    .where('member_id', '=', memberId)
    .where('field_id', '!=', '')
    .execute()
  const touched = new Set<DocName>()
  for (const share of shares) {
    const audience = share.audience as 'facilitators' | 'group'
    const target = {
      groupId: sheet.group_id,
      sessionId: sheet.session_id,
      worksheetId: sheet.id,
      audience,
    }
    await withdrawSharedAnswer(services, target, share.share_key)
    touched.add(
      sessionDocName.answers(sheet.group_id, sheet.session_id, sheet.id, audience) as DocName,
    )
  }
  await data
    .deleteFrom('worksheet_shares')
    .where('worksheet_id', '=', sheet.id)
    .where('member_id', '=', memberId)
    .execute()
  const stored = sessionDocName.private(
    sheet.group_id,
    sheet.session_id,
    sheet.id,
    memberId,
  ) as DocName
  await sync.forget(stored)
  await deleteCopyRows(data, sheet, memberId)
  for (const name of touched) await sync.compactNow(name)
  return 1 + touched.size
}

/** Once the copy is forgotten: its end-of-session snapshot, and the alias it was stored by. */
export async function deleteCopyRows(data: Data, sheet: SheetRef, memberId: string): Promise<void> {
  const stored = sessionDocName.private(sheet.group_id, sheet.session_id, sheet.id, memberId)
  await data.deleteFrom('session_snapshots').where('doc', '=', stored).execute()
  await data
    .deleteFrom('private_copies')
    .where('worksheet_id', '=', sheet.id)
    .where('member_id', '=', memberId)
    .execute()
}
