import type { Data } from '../data/Data.ts'

/** A join of the call, from LiveKit's webhook (a join retried at the same time counts once). */
export async function callJoined(data: Data, identity: string, at: number): Promise<void> {
  await data
    .insertInto('video_attendance')
    .values({ identity, joined_at: at })
    .onConflict((oc) => oc.doNothing())
    .execute()
}

/** A leave of the call: it ends their latest join, unless that one has ended already. */
export async function callLeft(data: Data, identity: string, at: number): Promise<void> {
  await data
    .updateTable('video_attendance')
    .set({ left_at: at })
    .where('identity', '=', identity)
    .where('left_at', 'is', null)
    .where('joined_at', '=', (eb) =>
      eb
        .selectFrom('video_attendance as latest')
        .select((eb) => eb.fn.max('latest.joined_at').as('joined_at'))
        .where('latest.identity', '=', identity),
    )
    .execute()
}
