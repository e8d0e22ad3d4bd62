import { audit } from '../audit/audit.ts'
import { advisoryLock, atomically, onPostgres, type Data } from '../data/Data.ts'
import { newId } from '../db/newId.ts'

/** Devices one member may have reminders on: phones, laptops, a tablet, with room to spare. */
export const MAX_DEVICES = 10

/** How many devices a member has reminders on. */
export async function devicesOf(data: Data, memberId: string): Promise<number> {
  const { n } = await data
    .selectFrom('push_subscriptions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('member_id', '=', memberId)
    .executeTakeFirstOrThrow()
  return Number(n)
}

/**
 * Turns reminders on for a member's device (its push subscription), with its entry in the
 * trail; false, changing nothing, when the member has `MAX_DEVICES` already. The same device
 * again, or handed to someone else, keeps one subscription per endpoint.
 */
export async function addPushSubscription(
  data: Data,
  member: { kind: 'member'; id: string; groupId: string },
  subscription: { endpoint: string; p256dh: string; auth: string },
  now: number,
): Promise<boolean> {
  return atomically(data, async (trx) => {
    // On PostgreSQL, instances take turns per endpoint (its unique key would refuse the later
    // insert) and then per member (the count would let both past the limit). Always in this
    // order, so two never wait for each other.
    if (onPostgres(trx)) {
      await advisoryLock(trx, `push endpoint:${subscription.endpoint}`)
      await advisoryLock(trx, `push member:${member.id}`)
    }
    // Counted without this device, which is replaced rather than added.
    const { n } = await trx
      .selectFrom('push_subscriptions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('member_id', '=', member.id)
      .where('endpoint', '!=', subscription.endpoint)
      .executeTakeFirstOrThrow()
    if (Number(n) >= MAX_DEVICES) return false
    await trx
      .deleteFrom('push_subscriptions')
      .where('endpoint', '=', subscription.endpoint)
      .execute()
    await trx
      .insertInto('push_subscriptions')
      .values({
        id: newId('push'),
        member_id: member.id,
        endpoint: subscription.endpoint,
        p256dh: subscription.p256dh,
        auth: subscription.auth,
        created_at: now,
      })
      .execute()
    await audit(trx, { actor: member, action: 'reminders.on', groupId: member.groupId }, now)
    return true
  })
}
