/** LiveKit, as the deployment configures it (LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET). */
export interface VideoConfig {
  /** Where browsers connect (ws:// or wss://); the room service is the same host over HTTP. */
  url: string
  apiKey: string
  apiSecret: string
}

/** The LiveKit room of a session: the session's id only (no person's id, C1). */
export const videoRoomOf = (sessionId: string) => `hearth-${sessionId}`
export const sessionOfVideoRoom = (room: string): string | null =>
  room.startsWith('hearth-') ? room.slice('hearth-'.length) : null
