import type { Data } from '../data/Data.ts'
import { newId } from '../db/newId.ts'

/** A person's identity in a session's call, if they have one, and whether they were taken out. */
export async function identityOf(
  data: Data,
  sessionId: string,
  personId: string,
): Promise<{ identity: string; removedAt: number | null } | null> {
  const row = await data
    .selectFrom('video_identities')
    .select(['identity', 'removed_at'])
    .where('session_id', '=', sessionId)
    .where('person_id', '=', personId)
    .executeTakeFirst()
  return row ? { identity: row.identity, removedAt: row.removed_at } : null
}

/**
 * A person's identity in a session's call, made on first use: opaque, so the media server, its
 * logs and the others in the call never see an account id.
 */
export async function videoIdentityFor(
  data: Data,
  sessionId: string,
  personId: string,
  now: number,
): Promise<string> {
  const existing = await identityOf(data, sessionId, personId)
  if (existing) return existing.identity
  // Two token requests at once (two tabs, two instances) make one identity: the unique
  // (session, person) keeps the first, and both answer with it.
  await data
    .insertInto('video_identities')
    .values({
      identity: newId('video'),
      session_id: sessionId,
      person_id: personId,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['session_id', 'person_id']).doNothing())
    .execute()
  return (await identityOf(data, sessionId, personId))!.identity
}

/** Who an identity of this session's call is, or null. */
export async function personOfIdentity(
  data: Data,
  sessionId: string,
  identity: string,
): Promise<{ personId: string; removedAt: number | null } | null> {
  const row = await data
    .selectFrom('video_identities')
    .select(['person_id', 'removed_at'])
    .where('session_id', '=', sessionId)
    .where('identity', '=', identity)
    .executeTakeFirst()
  return row ? { personId: row.person_id, removedAt: row.removed_at } : null
}

/** Marks an identity as taken out of the call (the first time counts). */
export async function banFromCall(data: Data, identity: string, now: number): Promise<void> {
  await data
    .updateTable('video_identities')
    .set((eb) => ({ removed_at: eb.fn.coalesce('removed_at', eb.val(now)) }))
    .where('identity', '=', identity)
    .execute()
}
