import type { Data } from '../data/Data.ts'

/**
 * Records a LiveKit webhook's id; false when it was recorded before. LiveKit sends a webhook
 * again when it got no answer, maybe to another instance: only the first delivery is handled.
 */
export async function firstDelivery(data: Data, id: string, now: number): Promise<boolean> {
  const result = await data
    .insertInto('video_events')
    .values({ id, received_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}
