import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { appendAudit } from '../audit/audit.ts'
import type { Db } from '../db/openDatabase.ts'
import { wipeFreedSpace } from '../erasure/wipeFreedSpace.ts'
import { groupSettingsOf } from '../groups/groupQueries.ts'
import type { Services } from '../http/AppEnv.ts'

interface SessionRef {
  id: string
  groupId: string
}

/**
 * A session ended: nobody types any more, the memory of anonymous writers goes, and where the
 * group does not keep its chat, the chat is cleared for everyone (members were told before
 * they joined).
 */
export async function endChat(services: Services, session: SessionRef): Promise<void> {
  services.chat.typists.clear(sessionDocName.chat(session.groupId, session.id) as DocName)
  services.chat.endSession(session.id)
  if (groupSettingsOf(services.db, session.groupId)?.chatKept === false) {
    const messages = await clearChat(services, session)
    appendAudit(
      services.db,
      {
        actor: { kind: 'system', id: null },
        action: 'chat.cleared',
        target: { kind: 'session', id: session.id },
        groupId: session.groupId,
        detail: { messages },
      },
      services.now(),
    )
  }
}

/** Deletes a session's chat record (the messages and who reacted); how many messages went. */
export function deleteChatRecord(db: Db, sessionId: string, at: number): number {
  return db.transaction(() => {
    db.sql
      .prepare(
        'DELETE FROM chat_reactions WHERE message_id IN (SELECT id FROM chat_messages WHERE session_id = ?)',
      )
      .run(sessionId)
    const { changes } = db.sql
      .prepare('DELETE FROM chat_messages WHERE session_id = ?')
      .run(sessionId)
    db.sql.prepare('UPDATE sessions SET chat_cleared_at = ? WHERE id = ?').run(at, sessionId)
    return Number(changes)
  })
}

/**
 * Clears a session's chat for good: the record, the document with its history and snapshots,
 * and the freed pages. Crisis alerts stay with the facilitators (a clinical record of risk).
 */
export async function clearChat(services: Services, session: SessionRef): Promise<number> {
  const { db, sync, now } = services
  const messages = deleteChatRecord(db, session.id, now())
  const chat = sessionDocName.chat(session.groupId, session.id) as DocName
  await sync.forget(chat)
  db.sql.prepare('DELETE FROM session_snapshots WHERE doc = ?').run(chat)
  await wipeFreedSpace(db)
  return messages
}
