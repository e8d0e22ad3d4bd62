import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { audit } from '../audit/audit.ts'
import { atomically, type Data } from '../data/Data.ts'
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
  const data = await services.data()
  if ((await groupSettingsOf(data, session.groupId))?.chatKept === false) {
    const messages = await clearChat(services, session)
    await audit(
      data,
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
export async function deleteChatRecord(data: Data, sessionId: string, at: number): Promise<number> {
  return atomically(data, async (trx) => {
    await trx
      .deleteFrom('chat_reactions')
      .where((eb) =>
        eb(
          'message_id',
          'in',
          eb.selectFrom('chat_messages').select('id').where('session_id', '=', sessionId),
        ),
      )
      .execute()
    const deleted = await trx
      .deleteFrom('chat_messages')
      .where('session_id', '=', sessionId)
      .executeTakeFirst()
    await trx
      .updateTable('sessions')
      .set({ chat_cleared_at: at })
      .where('id', '=', sessionId)
      .execute()
    return Number(deleted.numDeletedRows)
  })
}

/**
 * Clears a session's chat for good: the record, the document with its history and snapshots,
 * and the freed pages. Crisis alerts stay with the facilitators (a clinical record of risk).
 */
export async function clearChat(services: Services, session: SessionRef): Promise<number> {
  const { sync, now } = services
  const data = await services.data()
  const messages = await deleteChatRecord(data, session.id, now())
  const chat = sessionDocName.chat(session.groupId, session.id) as DocName
  await sync.forget(chat)
  await data.deleteFrom('session_snapshots').where('doc', '=', chat).execute()
  await wipeFreedSpace(services.db)
  return messages
}
