import { audit } from '../audit/audit.ts'
import { atomically, type Data } from '../data/Data.ts'

export type AttendanceChange = 'admitted' | 'waiting' | 'removed'

const ACTION = {
  admitted: 'session.admitted',
  waiting: 'session.returned-to-waiting-room',
  removed: 'session.removed',
} as const

/**
 * Moves members who came to a session into `state`, each with its entry in the trail, in one
 * transaction; returns those whose state changed. Each move is one conditional statement, so
 * two facilitators (or instances) admitting the same member at once record it once.
 */
export async function setAttendance(
  data: Data,
  sessionId: string,
  groupId: string,
  memberIds: readonly string[],
  state: AttendanceChange,
  actor: { kind: 'facilitator'; id: string },
  now: number,
): Promise<string[]> {
  return atomically(data, async (trx) => {
    const changed: string[] = []
    for (const memberId of memberIds) {
      const result = await trx
        .updateTable('session_attendance')
        .set(state === 'admitted' ? { state, admitted_at: now } : { state })
        .where('session_id', '=', sessionId)
        .where('member_id', '=', memberId)
        .where('state', '!=', state)
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) !== 1) continue
      await audit(
        trx,
        {
          actor,
          action: ACTION[state],
          target: { kind: 'member', id: memberId },
          groupId,
          detail: { session: sessionId },
        },
        now,
      )
      changed.push(memberId)
    }
    return changed
  })
}
