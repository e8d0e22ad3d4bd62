import type { Data } from '../data/Data.ts'
import type { AccessScope } from '../sync/accessScope.ts'

/**
 * The sockets of the members who came to a session (admitted, waiting or sent back): those a
 * change to that session decides again (`SyncServer.reauthorize`).
 */
export async function membersOfSession(data: Data, sessionId: string): Promise<AccessScope> {
  const rows = await data
    .selectFrom('session_attendance')
    .select('member_id')
    .where('session_id', '=', sessionId)
    .execute()
  return { people: { kind: 'member', ids: rows.map((r) => r.member_id) } }
}
