import type { ChatSettings } from '../../shared/chat/chatDoc.ts'
import type { Data } from '../data/Data.ts'

/**
 * Changes what a facilitator asked of a session's chat (paused, slow mode), leaving the other
 * setting as it stands, and returns both as they are now. Only the columns asked for are
 * written: two facilitators, one pausing and one slowing the chat at once, keep both changes.
 */
export async function changeChatSettings(
  data: Data,
  sessionId: string,
  change: { locked?: boolean | undefined; slowSeconds?: number | undefined },
): Promise<ChatSettings> {
  const set = {
    ...(change.locked === undefined ? {} : { chat_locked: change.locked ? 1 : 0 }),
    ...(change.slowSeconds === undefined ? {} : { chat_slow_seconds: change.slowSeconds }),
  }
  if (Object.keys(set).length > 0) {
    await data.updateTable('sessions').set(set).where('id', '=', sessionId).execute()
  }
  const now = await data
    .selectFrom('sessions')
    .select(['chat_locked', 'chat_slow_seconds'])
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow()
  return { locked: now.chat_locked === 1, slowSeconds: now.chat_slow_seconds }
}
