import { parseGroupDocName } from '../../shared/documents/docKinds.ts'
import { DAY_MS, releaseKindOf } from '../../shared/sessions/release.ts'
import { appendAudit } from '../audit/audit.ts'
import type { Services } from '../http/AppEnv.ts'
import { storedDocsOfSession } from '../store/storedDocsOfSession.ts'
import { deleteChatRecord } from '../chat/chatLifecycle.ts'
import { dropUnusedImages } from '../images/storeImage.ts'

/**
 * The retention job: for every ended session whose released material ran past its time,
 * deletes that material for everyone (the group's documents, their snapshots, the group's
 * consent rows that would rebuild them) and records when. Members' own copies stay theirs.
 * Logs and audits counts only, never a title or a word of content.
 */
export async function deleteExpired(
  services: Services,
): Promise<{ sessions: number; documents: number }> {
  const { db, sync, log, now } = services
  const due = db.sql
    .prepare(
      `SELECT id, group_id FROM sessions WHERE status = 'ended' AND release_days IS NOT NULL
         AND materials_deleted_at IS NULL AND ended_at + release_days * ? <= ?`,
    )
    .all(DAY_MS, now()) as { id: string; group_id: string }[]
  let documents = 0
  for (const session of due) {
    // The group's consent rows go first, so that the answer mirror cannot rebuild a document.
    db.sql
      .prepare(
        `DELETE FROM worksheet_shares WHERE audience = 'group'
           AND worksheet_id IN (SELECT id FROM worksheets WHERE session_id = ?)`,
      )
      .run(session.id)
    const names = (await storedDocsOfSession(services, session.group_id, session.id)).filter(
      (name) => {
        const kind = parseGroupDocName(name)?.kind
        return kind !== undefined && kind !== 'member-private' && releaseKindOf(kind) !== null
      },
    )
    for (const name of names) {
      await sync.forget(name)
      db.sql.prepare('DELETE FROM session_snapshots WHERE doc = ?').run(name)
    }
    documents += names.length
    // The chat's record on the server goes with its document, the group canvas's pictures
    // with its layers (a member's own canvas keeps its own).
    deleteChatRecord(db, session.id, now())
    db.sql
      .prepare(
        `DELETE FROM canvas_images WHERE key IN
           (SELECT key FROM canvas_keys WHERE session_id = ? AND kind = 'layer')`,
      )
      .run(session.id)
    dropUnusedImages(db)
    db.transaction(() => {
      db.sql
        .prepare('UPDATE sessions SET materials_deleted_at = ? WHERE id = ?')
        .run(now(), session.id)
      appendAudit(
        db,
        {
          actor: { kind: 'system', id: null },
          action: 'session.materials-deleted',
          target: { kind: 'session', id: session.id },
          groupId: session.group_id,
          detail: { documents: names.length, reason: 'retention' },
        },
        now(),
      )
    })
  }
  if (due.length > 0)
    log.info({ sessions: due.length, documents }, 'retention: expired materials deleted')
  return { sessions: due.length, documents }
}
