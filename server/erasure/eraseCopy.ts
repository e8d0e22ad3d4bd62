import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
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
  const { db, sync } = services
  const shares = db.sql
    .prepare(
      "SELECT audience, share_key FROM worksheet_shares WHERE worksheet_id = ? AND member_id = ? AND field_id != ''",
    )
    .all(sheet.id, memberId) as { audience: 'facilitators' | 'group'; share_key: string }[]
  const touched = new Set<DocName>()
  for (const share of shares) {
    const target = {
      groupId: sheet.group_id,
      sessionId: sheet.session_id,
      worksheetId: sheet.id,
      audience: share.audience,
    }
    await withdrawSharedAnswer(services, target, share.share_key)
    touched.add(
      sessionDocName.answers(sheet.group_id, sheet.session_id, sheet.id, share.audience) as DocName,
    )
  }
  db.sql
    .prepare('DELETE FROM worksheet_shares WHERE worksheet_id = ? AND member_id = ?')
    .run(sheet.id, memberId)
  const stored = sessionDocName.private(
    sheet.group_id,
    sheet.session_id,
    sheet.id,
    memberId,
  ) as DocName
  await sync.forget(stored)
  db.sql.prepare('DELETE FROM session_snapshots WHERE doc = ?').run(stored)
  db.sql
    .prepare('DELETE FROM private_copies WHERE worksheet_id = ? AND member_id = ?')
    .run(sheet.id, memberId)
  for (const name of touched) await sync.compactNow(name)
  return 1 + touched.size
}
