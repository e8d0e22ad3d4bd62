import { livekitSdk } from './livekitSdk.ts'
import type { VideoConfig } from './videoConfig.ts'

/**
 * How long a token lets someone join: minutes, not the SDK's six hours. It gates the joining
 * only (a connected person stays until removed), so a reconnect asks for a new one. LiveKit
 * checks it against its own wall clock, which is why the SDK's clock, not the server's
 * injected one, stamps it.
 */
export const VIDEO_TOKEN_SECONDS = 10 * 60

/**
 * A join token with the least a person needs: members publish camera and microphone, facilitators
 * also share a screen; nobody publishes data (the chat is Hearth's, moderated) or changes their
 * own name or metadata; nobody gets room admin (facilitators act through the server).
 */
export async function mintVideoToken(
  config: VideoConfig,
  person: { identity: string; name: string; role: 'facilitator' | 'member'; room: string },
): Promise<string> {
  const { AccessToken, TrackSource } = await livekitSdk()
  const memberSources = [TrackSource.CAMERA, TrackSource.MICROPHONE]
  const token = new AccessToken(config.apiKey, config.apiSecret, {
    identity: person.identity,
    name: person.name,
    ttl: VIDEO_TOKEN_SECONDS,
    // The role only (the call shows facilitators as such; a member's camera may be for them).
    attributes: { role: person.role },
  })
  token.addGrant({
    room: person.room,
    roomJoin: true,
    canSubscribe: true,
    canPublish: true,
    canPublishData: false,
    canUpdateOwnMetadata: false,
    canPublishSources:
      person.role === 'facilitator'
        ? [...memberSources, TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO]
        : memberSources,
  })
  return token.toJwt()
}
