import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { GroupSettings } from '../../shared/api/schemas.ts'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import type { RoomPerson } from '../sessions/roomPerson.ts'
import { groupSettingsOf } from '../groups/groupQueries.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { roomPerson } from '../sessions/roomPerson.ts'

/** Who is speaking in a session's chat, and the rules that apply to them. */
export type ChatSpeaker = RoomPerson & {
  sessionId: string
  group: GroupSettings
  chat: DocName
  locked: boolean
  slowSeconds: number
}

export class ChatClosed extends HTTPException {
  constructor() {
    super(409, { message: 'The chat is open only while the session is.' })
  }
}

/**
 * The one gate of every chat and private-line write: a facilitator of the session's group, or
 * a member admitted to it, while the session is open or live. Anything else is refused the
 * same way ("not allowed"), so ids cannot be probed; a session not in progress says so.
 */
export async function chatSpeaker(
  c: Context<AppEnv>,
  services: Services,
  sessionId: string,
): Promise<ChatSpeaker> {
  const { groupId, ...who } = await roomPerson(c, services, sessionId)
  const data = await services.data()
  const row = await data
    .selectFrom('sessions')
    .select(['status', 'chat_locked', 'chat_slow_seconds'])
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow()
  if (row.status !== 'open' && row.status !== 'live') throw new ChatClosed()
  return {
    ...who,
    groupId,
    sessionId,
    group: (await groupSettingsOf(data, groupId))!,
    chat: sessionDocName.chat(groupId, sessionId) as DocName,
    locked: row.chat_locked === 1,
    slowSeconds: row.chat_slow_seconds,
  } as ChatSpeaker
}
