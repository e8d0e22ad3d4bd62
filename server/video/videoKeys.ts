import { randomBytes } from 'node:crypto'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { ROOM_STATE } from '../../shared/sessions/roomState.ts'
import { VIDEO_KEY_GENERATION, type VideoKey } from '../../shared/video/videoSchemas.ts'
import { advisoryLock, atomically, onPostgres, type Data } from '../data/Data.ts'
import type { Services } from '../http/AppEnv.ts'

const latestKey = (data: Data, sessionId: string): Promise<VideoKey | undefined> =>
  data
    .selectFrom('video_keys')
    .select(['key', 'generation'])
    .where('session_id', '=', sessionId)
    .orderBy('generation', 'desc')
    .limit(1)
    .executeTakeFirst()

/**
 * Makes and rotates a session's keys one at a time across instances, to the commit (SQLite's
 * transactions take its one write lock as they begin): two that read the same generation would
 * both write the next, and a rotation that lost would leave the person it was for a key they
 * may have fetched.
 */
async function lockKeys(trx: Data, sessionId: string): Promise<void> {
  if (onPostgres(trx)) await advisoryLock(trx, `video keys:${sessionId}`)
}

/** The session's current media key (made on first use): for admitted people only. */
export async function currentVideoKey(
  data: Data,
  sessionId: string,
  now: number,
): Promise<VideoKey> {
  const row = await latestKey(data, sessionId)
  if (row) return row
  return atomically(data, async (trx) => {
    await lockKeys(trx, sessionId)
    // Another request may have made it while this one waited for the lock.
    return (await latestKey(trx, sessionId)) ?? (await addKey(trx, sessionId, 1, now))
  })
}

async function addKey(
  data: Data,
  sessionId: string,
  generation: number,
  now: number,
): Promise<VideoKey> {
  const key = randomBytes(32).toString('base64')
  await data
    .insertInto('video_keys')
    .values({ session_id: sessionId, generation, key, created_at: now })
    .execute()
  return { key, generation }
}

/**
 * Replaces the session's media key with a new generation and deletes the older ones (nothing
 * sent with them is kept anywhere to decrypt later); returns the new generation.
 */
export async function nextVideoKey(data: Data, sessionId: string, now: number): Promise<number> {
  return atomically(data, async (trx) => {
    await lockKeys(trx, sessionId)
    const last =
      (await latestKey(trx, sessionId))?.generation ??
      (await addKey(trx, sessionId, 1, now)).generation
    const next = (await addKey(trx, sessionId, last + 1, now)).generation
    await trx
      .deleteFrom('video_keys')
      .where('session_id', '=', sessionId)
      .where('generation', '<', next)
      .execute()
    return next
  })
}

/**
 * A new media key, after someone was taken out of the call: the others fetch it when the room
 * document says its generation moved; the one taken out can no longer fetch any.
 */
export async function rotateVideoKey(services: Services, sessionId: string): Promise<number> {
  const { now, sync } = services
  const data = await services.data()
  const generation = await nextVideoKey(data, sessionId, now())
  const row = await data
    .selectFrom('sessions')
    .select('group_id')
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow()
  await sync.serverWrite(sessionDocName.room(row.group_id, sessionId) as DocName, (doc) =>
    doc.getMap(ROOM_STATE).set(VIDEO_KEY_GENERATION, generation),
  )
  return generation
}
