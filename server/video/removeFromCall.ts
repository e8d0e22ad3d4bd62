import type { RoomServiceClient } from 'livekit-server-sdk'
import { groupSettingsOf } from '../groups/groupQueries.ts'
import type { Services } from '../http/AppEnv.ts'
import { livekitSdk } from './livekitSdk.ts'
import { videoRoomOf } from './videoConfig.ts'
import { banFromCall, identityOf } from './videoIdentity.ts'
import { rotateVideoKey } from './videoKeys.ts'

/** LiveKit's room service for this deployment (its admin calls are the server's alone). */
export async function roomService(services: Services): Promise<RoomServiceClient | null> {
  if (!services.video) return null
  const { RoomServiceClient } = await livekitSdk()
  return new RoomServiceClient(services.video.url, services.video.apiKey, services.video.apiSecret)
}

/**
 * Takes a person out of a session's call: no new token for them in this session, LiveKit
 * disconnects them and refuses every token issued before now (`revokeTokenTs`), and an
 * encrypted call gets a new media key they cannot fetch. Called when a facilitator removes them
 * from the call, removes them from the session, or sends them back to the waiting room (`ban`
 * false: they may come back once admitted again). A call to LiveKit that fails (they were not in
 * the call, LiveKit is down) is logged, never fatal: what Hearth decides holds anyway.
 */
export async function removeFromCall(
  services: Services,
  sessionId: string,
  personId: string,
  { ban }: { ban: boolean },
): Promise<boolean> {
  const { now, log } = services
  const data = await services.data()
  const row = await identityOf(data, sessionId, personId)
  if (!row) return false
  if (ban) await banFromCall(data, row.identity, now())
  const rooms = await roomService(services)
  if (rooms) {
    try {
      await rooms.removeParticipant(videoRoomOf(sessionId), row.identity, {
        revokeTokenTs: BigInt(Math.floor(now() / 1000)),
      })
    } catch (error) {
      log.warn({ err: { name: (error as Error).name }, sessionId }, 'video: removal not confirmed')
    }
  }
  const session = await data
    .selectFrom('sessions')
    .select('group_id')
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow()
  if ((await groupSettingsOf(data, session.group_id))?.videoE2ee)
    await rotateVideoKey(services, sessionId)
  return true
}
