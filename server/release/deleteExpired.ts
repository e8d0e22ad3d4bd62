import { parseGroupDocName } from '../../shared/documents/docKinds.ts'
import { releaseKindOf } from '../../shared/sessions/release.ts'
import type { Services } from '../http/AppEnv.ts'
import { storedDocsOfSession } from '../store/storedDocsOfSession.ts'
import { deleteChatRecord } from '../chat/chatLifecycle.ts'
import { dropUnusedImages } from '../images/storeImage.ts'
import { markMaterialsDeleted, sessionsPastRelease } from './expiredMaterials.ts'

/**
 * The retention job: for every ended session whose released material ran past its time,
 * deletes that material for everyone (the group's documents, their snapshots, the group's
 * consent rows that would rebuild them) and records when. Members' own copies stay theirs.
 * Logs and audits counts only, never a title or a word of content.
 */
export async function deleteExpired(
  services: Services,
): Promise<{ sessions: number; documents: number }> {
  const { sync, log, now } = services
  const data = await services.data()
  const due = await sessionsPastRelease(data, now())
  let documents = 0
  for (const session of due) {
    // The group's consent rows go first, so that the answer mirror cannot rebuild a document.
    await data
      .deleteFrom('worksheet_shares')
      .where('audience', '=', 'group')
      .where((eb) =>
        eb(
          'worksheet_id',
          'in',
          eb.selectFrom('worksheets').select('id').where('session_id', '=', session.id),
        ),
      )
      .execute()
    const names = (await storedDocsOfSession(services, session.group_id, session.id)).filter(
      (name) => {
        const kind = parseGroupDocName(name)?.kind
        return kind !== undefined && kind !== 'member-private' && releaseKindOf(kind) !== null
      },
    )
    for (const name of names) {
      await sync.forget(name)
      await data.deleteFrom('session_snapshots').where('doc', '=', name).execute()
    }
    documents += names.length
    // The chat's record on the server goes with its document, the group canvas's pictures
    // with its layers (a member's own canvas keeps its own).
    await deleteChatRecord(data, session.id, now())
    await data
      .deleteFrom('canvas_images')
      .where((eb) =>
        eb(
          'key',
          'in',
          eb
            .selectFrom('canvas_keys')
            .select('key')
            .where('session_id', '=', session.id)
            .where('kind', '=', 'layer'),
        ),
      )
      .execute()
    await dropUnusedImages(data)
    await markMaterialsDeleted(data, session, names.length, now())
  }
  if (due.length > 0)
    log.info({ sessions: due.length, documents }, 'retention: expired materials deleted')
  return { sessions: due.length, documents }
}
