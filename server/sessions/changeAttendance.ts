import { HTTPException } from 'hono/http-exception'
import { type Services } from '../http/AppEnv.ts'
import { removeFromCall } from '../video/removeFromCall.ts'
import { lowerHandOf } from '../hands/setHand.ts'
import { inProgress, publishRoomState, sessionRow } from './roomState.ts'
import { setAttendance, type AttendanceChange } from './setAttendance.ts'

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
  state: AttendanceChange,
  actor: { kind: 'facilitator'; id: string },
) {
  const { now } = services
  const data = await services.data()
  // Once a session has ended (or was cancelled) nobody is let in, sent back or removed.
  const { status } = await sessionRow(data, sessionId)
  if (!inProgress(status)) {
    throw new HTTPException(409, {
      message: `This session has ${status === 'scheduled' ? 'not opened yet' : 'ended'}.`,
    })
  }
  const changed = await setAttendance(data, sessionId, groupId, memberIds, state, actor, now())
  // After the commit: the sockets and the room see the new state.
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
