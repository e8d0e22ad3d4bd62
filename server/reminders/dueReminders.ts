import type { Data } from '../data/Data.ts'

/** One reminder to send: a device of a member whose group meets soon. */
export interface DueReminder {
  subscriptionId: string
  endpoint: string
  p256dh: string
  auth: string
  sessionId: string
  startsAt: number
}

/**
 * The reminders due at `at`: for each session (scheduled or open) starting within `leadMs`,
 * every device of every active member of its group that has not had one for it.
 */
export function dueReminders(data: Data, at: number, leadMs: number): Promise<DueReminder[]> {
  return data
    .selectFrom('sessions as s')
    .innerJoin('members as m', (join) =>
      join.onRef('m.group_id', '=', 's.group_id').on('m.status', '=', 'active'),
    )
    .innerJoin('push_subscriptions as p', 'p.member_id', 'm.id')
    .select([
      'p.id as subscriptionId',
      'p.endpoint',
      'p.p256dh',
      'p.auth',
      's.id as sessionId',
      's.starts_at as startsAt',
    ])
    .where('s.status', 'in', ['scheduled', 'open'])
    .where('s.starts_at', '>', at)
    .where('s.starts_at', '<=', at + leadMs)
    .where(({ exists, not, selectFrom }) =>
      not(
        exists(
          selectFrom('reminders_sent as r')
            .select('r.session_id')
            .whereRef('r.subscription_id', '=', 'p.id')
            .whereRef('r.session_id', '=', 's.id'),
        ),
      ),
    )
    .execute()
}

/**
 * Records a reminder as sent, before it is: false when it already was, by this run or by
 * another instance's at the same moment (the row's key decides), and then it is not sent.
 */
export async function recordReminder(
  data: Data,
  subscriptionId: string,
  sessionId: string,
  at: number,
): Promise<boolean> {
  const result = await data
    .insertInto('reminders_sent')
    .values({ subscription_id: subscriptionId, session_id: sessionId, sent_at: at })
    .onConflict((oc) => oc.columns(['subscription_id', 'session_id']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows) === 1
}
