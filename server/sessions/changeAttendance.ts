import { HTTPException } from 'hono/http-exception'
import { appendAudit } from '../audit/audit.ts'
import { type Services } from '../http/AppEnv.ts'
import { removeFromCall } from '../video/removeFromCall.ts'
import { lowerHandOf } from '../hands/setHand.ts'
import { inProgress, publishRoomState, sessionRow } from './roomState.ts'

/**
 * Admits members to a session, sends them back to the waiting room or removes them, while it
 * is in progress: recorded in the trail, their open sockets decided again, the room told, and
 * anyone no longer admitted taken out of the call. Returns the members whose state changed.
 */
export async function changeAttendance(
  services: Services,
  sessionId: string,
  groupId: string,
  memberIds: string[],
  state: 'admitted' | 'waiting' | 'removed',
  actor: { kind: 'facilitator'; id: string },
) {
  const { db, now } = services
  // Once a session has ended (or was cancelled) nobody is let in, sent back or removed.
  const { status } = sessionRow(db, sessionId)
  if (!inProgress(status)) {
    throw new HTTPException(409, {
      message: `This session has ${status === 'scheduled' ? 'not opened yet' : 'ended'}.`,
    })
  }
  const action = {
    admitted: 'session.admitted',
    waiting: 'session.returned-to-waiting-room',
    removed: 'session.removed',
  } as const
  const changed = db.transaction(() =>
    memberIds.filter((memberId) => {
      const result = db.sql
        .prepare(
          `UPDATE session_attendance SET state = ?, admitted_at = CASE WHEN ? = 'admitted' THEN ? ELSE admitted_at END
           WHERE session_id = ? AND member_id = ? AND state != ?`,
        )
        .run(state, state, now(), sessionId, memberId, state)
      if (result.changes === 1) {
        appendAudit(
          db,
          {
            actor,
            action: action[state],
            target: { kind: 'member', id: memberId },
            groupId,
            detail: { session: sessionId },
          },
          now(),
        )
      }
      return result.changes === 1
    }),
  )
  await services.sync.reauthorize({ people: { kind: 'member', ids: changed } })
  // Out of the room is out of the call (sent back, they may come back once admitted again),
  // and their hand comes down.
  if (state !== 'admitted') {
    for (const memberId of changed) {
      await removeFromCall(services, sessionId, memberId, { ban: state === 'removed' })
      await lowerHandOf(services, groupId, sessionId, memberId)
    }
  }
  if (changed.length > 0) await publishRoomState(services, sessionId)
  return changed
}
