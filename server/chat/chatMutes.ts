import type { Data } from '../data/Data.ts'

/** Whether a facilitator paused this member's chat messages in this session. */
export async function isMuted(data: Data, sessionId: string, memberId: string): Promise<boolean> {
  const row = await data
    .selectFrom('chat_mutes')
    .select('id')
    .where('session_id', '=', sessionId)
    .where('member_id', '=', memberId)
    .executeTakeFirst()
  return row !== undefined
}

/**
 * Pauses a member's chat messages in a session: the mute's id, and whether this call made it
 * (false: they were muted already). Two facilitators, or instances, muting at once make one
 * mute: the unique (session, member) keeps the first, and the other reads its id back.
 */
export async function muteMember(
  data: Data,
  mute: { id: string; sessionId: string; memberId: string; named: boolean; at: number; by: string },
): Promise<{ id: string; created: boolean }> {
  const inserted = await data
    .insertInto('chat_mutes')
    .values({
      id: mute.id,
      session_id: mute.sessionId,
      member_id: mute.memberId,
      named: mute.named ? 1 : 0,
      muted_at: mute.at,
      muted_by: mute.by,
    })
    .onConflict((oc) => oc.columns(['session_id', 'member_id']).doNothing())
    .executeTakeFirst()
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return { id: mute.id, created: true }
  const held = await data
    .selectFrom('chat_mutes')
    .select('id')
    .where('session_id', '=', mute.sessionId)
    .where('member_id', '=', mute.memberId)
    .executeTakeFirstOrThrow()
  return { id: held.id, created: false }
}

/**
 * Lifts a mute of this session; the member it muted, or null when there is no such mute (or
 * another facilitator lifted it at the same moment: one of them does, once).
 */
export async function unmute(
  data: Data,
  sessionId: string,
  muteId: string,
): Promise<{ memberId: string } | null> {
  const mute = await data
    .selectFrom('chat_mutes')
    .select('member_id')
    .where('id', '=', muteId)
    .where('session_id', '=', sessionId)
    .executeTakeFirst()
  if (!mute) return null
  const deleted = await data.deleteFrom('chat_mutes').where('id', '=', muteId).executeTakeFirst()
  return Number(deleted.numDeletedRows) > 0 ? { memberId: mute.member_id } : null
}
