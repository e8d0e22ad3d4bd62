import { z } from 'zod'

/** `GET /api/sessions/:id/video`: whether the room has video, and whether it is encrypted. */
export const videoStatus = z.object({ configured: z.boolean(), e2ee: z.boolean() })
export type VideoStatus = z.infer<typeof videoStatus>

/** The session's media key, for an end-to-end encrypted call (base64, 32 bytes). */
export const videoKey = z.object({ key: z.string(), generation: z.number().int().min(1) })
export type VideoKey = z.infer<typeof videoKey>

/** `POST /api/sessions/:id/video/token`: what a browser needs to join the call. */
export const videoTicket = z.object({
  url: z.string(),
  token: z.string(),
  /** This person's opaque identity in the call. */
  identity: z.string(),
  /** Present when the group's video is end-to-end encrypted. */
  e2ee: videoKey.nullable(),
})
export type VideoTicket = z.infer<typeof videoTicket>

/** In the room document's state: the media key's generation (a new one: fetch it again). */
export const VIDEO_KEY_GENERATION = 'videoKey'
