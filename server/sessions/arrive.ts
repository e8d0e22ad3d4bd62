import { audit } from '../audit/audit.ts'
import { atomically, type Data } from '../data/Data.ts'
import { groupSettingsOf } from '../groups/groupQueries.ts'

/**
 * A member coming to a session in progress: the state they already have if they came before
 * (admitted, waiting or removed), else a new arrival, straight in where the group admits
 * automatically or else waiting, with its entry in the trail. Null when the session is
 * `locked` to newcomers. Two arrivals at once (two tabs, two instances) make one: the key of
 * the attendance row decides, and the later one answers the state the first one made.
 */
export async function arrive(
  data: Data,
  sessionId: string,
  groupId: string,
  member: { kind: 'member'; id: string },
  locked: boolean,
  now: number,
): Promise<string | null> {
  return atomically(data, async (trx) => {
    const stateNow = async () =>
      (
        await trx
          .selectFrom('session_attendance')
          .select('state')
          .where('session_id', '=', sessionId)
          .where('member_id', '=', member.id)
          .executeTakeFirst()
      )?.state
    const existing = await stateNow()
    if (existing) return existing
    if (locked) return null
    const autoAdmit = (await groupSettingsOf(trx, groupId))!.autoAdmit
    const initial = autoAdmit ? 'admitted' : 'waiting'
    const inserted = await trx
      .insertInto('session_attendance')
      .values({
        session_id: sessionId,
        member_id: member.id,
        state: initial,
        arrived_at: now,
        admitted_at: autoAdmit ? now : null,
      })
      .onConflict((oc) => oc.columns(['session_id', 'member_id']).doNothing())
      .executeTakeFirst()
    if (Number(inserted.numInsertedOrUpdatedRows) === 0) return (await stateNow())!
    await audit(
      trx,
      {
        actor: member,
        action: autoAdmit ? 'session.admitted' : 'session.arrived',
        target: { kind: 'session', id: sessionId },
        groupId,
      },
      now,
    )
    return initial
  })
}
