import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { GroupSettings } from '../../shared/api/schemas.ts'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import type { FacilitatorPrincipal, MemberPrincipal } from '../auth/Principal.ts'
import { groupSettingsOf } from '../groups/groupQueries.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { groupOfSession, requireGroupFacilitator, requirePrincipal } from '../http/guards.ts'
import { isAdmitted } from '../sessions/isAdmitted.ts'

interface SessionChatRow {
  status: string
  chat_locked: number
  chat_slow_seconds: number
}

/** Who is speaking in a session's chat, and the rules that apply to them. */
export type ChatSpeaker = (
  | { role: 'facilitator'; principal: FacilitatorPrincipal }
  | { role: 'member'; principal: MemberPrincipal }
) & {
  groupId: string
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
export function chatSpeaker(
  c: Context<AppEnv>,
  services: Services,
  sessionId: string,
): ChatSpeaker {
  const { db } = services
  const principal = requirePrincipal(c)
  const groupId = groupOfSession(services, sessionId)
  let who: Pick<ChatSpeaker, 'role' | 'principal'>
  if (principal.kind === 'facilitator') {
    who = {
      role: 'facilitator',
      principal: requireGroupFacilitator(c, services, groupId).principal,
    }
  } else if (
    principal.kind === 'member' &&
    principal.groupId === groupId &&
    isAdmitted(db, sessionId, principal.id)
  ) {
    who = { role: 'member', principal }
  } else {
    throw new HTTPException(403, { message: 'not allowed' })
  }
  const row = db.sql
    .prepare('SELECT status, chat_locked, chat_slow_seconds FROM sessions WHERE id = ?')
    .get(sessionId) as unknown as SessionChatRow
  if (row.status !== 'open' && row.status !== 'live') throw new ChatClosed()
  return {
    ...who,
    groupId,
    sessionId,
    group: groupSettingsOf(db, groupId)!,
    chat: sessionDocName.chat(groupId, sessionId) as DocName,
    locked: row.chat_locked === 1,
    slowSeconds: row.chat_slow_seconds,
  } as ChatSpeaker
}
