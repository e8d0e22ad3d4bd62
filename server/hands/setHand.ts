import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { LINE_HAND, SIGNALS_HANDS, type RaisedHand } from '../../shared/hands/hands.ts'
import type { Services } from '../http/AppEnv.ts'

/**
 * Puts a member's hand up (with its time) or down, in the facilitators' queue and on the
 * member's own line (by the line's opaque key). Raising a hand already up keeps its place.
 */
export async function setHand(
  services: Services,
  groupId: string,
  sessionId: string,
  lineKey: string,
  hand: RaisedHand | null,
): Promise<void> {
  const { sync } = services
  await sync.serverWrite(sessionDocName.signals(groupId, sessionId) as DocName, (doc) => {
    const hands = doc.getMap(SIGNALS_HANDS)
    if (!hand) hands.delete(lineKey)
    else if (!hands.has(lineKey)) hands.set(lineKey, hand)
  })
  await sync.serverWrite(sessionDocName.line(groupId, sessionId, lineKey) as DocName, (doc) => {
    // Only a change is written: lowering a hand that is not up (a member sent back) adds nothing.
    const own = doc.getMap(LINE_HAND)
    const up = typeof own.get('raisedAt') === 'number'
    if (!hand && up) own.set('raisedAt', null)
    else if (hand && !up) own.set('raisedAt', hand.raisedAt)
  })
}

/** A member who leaves the room (sent back, removed) has their hand lowered, if it was up. */
export async function lowerHandOf(
  services: Services,
  groupId: string,
  sessionId: string,
  memberId: string,
): Promise<void> {
  const line = await (
    await services.data()
  )
    .selectFrom('private_lines')
    .select('line_key')
    .where('session_id', '=', sessionId)
    .where('member_id', '=', memberId)
    .executeTakeFirst()
  if (line) await setHand(services, groupId, sessionId, line.line_key, null)
}
