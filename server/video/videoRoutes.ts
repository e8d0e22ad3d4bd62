import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { VideoStatus, VideoTicket } from '../../shared/video/videoSchemas.ts'
import { groupSettingsOf } from '../groups/groupQueries.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { inProgress, sessionRow } from '../sessions/roomState.ts'
import { roomPerson, type RoomPerson } from '../sessions/roomPerson.ts'
import { mintVideoToken } from './mintVideoToken.ts'
import { videoRoomOf } from './videoConfig.ts'
import { identityOf, videoIdentityFor } from './videoIdentity.ts'
import { currentVideoKey } from './videoKeys.ts'

export class VideoNotSetUp extends HTTPException {
  constructor() {
    super(409, { message: 'Video is not set up on this server.' })
  }
}

/**
 * Joining the session's call: the room's people (a facilitator of the group, an admitted
 * member) learn whether there is video, get a short-lived join token while the session is in
 * progress, and, where the group encrypts its video end to end, the session's media key. A
 * person taken out of the call gets neither again in that session.
 */
export function videoRoutes(services: Services) {
  const { now } = services
  const app = new Hono<AppEnv>()

  /** The room's people while the session is in progress, not taken out of the call. */
  const caller = async (
    c: Parameters<typeof roomPerson>[0],
    sessionId: string,
  ): Promise<RoomPerson> => {
    const person = await roomPerson(c, services, sessionId)
    const data = await services.data()
    if (!inProgress((await sessionRow(data, sessionId)).status)) {
      throw new HTTPException(409, { message: 'The call is open only while the session is.' })
    }
    const identity = await identityOf(data, sessionId, person.principal.id)
    if (identity && identity.removedAt !== null) {
      throw new HTTPException(403, { message: 'You were taken out of this call.' })
    }
    return person
  }

  app.get('/sessions/:sessionId/video', async (c) => {
    const person = await roomPerson(c, services, c.req.param('sessionId'))
    const status: VideoStatus = {
      configured: services.video !== null,
      e2ee: (await groupSettingsOf(await services.data(), person.groupId))!.videoE2ee,
    }
    return c.json(status)
  })

  app.post('/sessions/:sessionId/video/token', async (c) => {
    const sessionId = c.req.param('sessionId')
    const person = await caller(c, sessionId)
    const config = services.video
    if (!config) throw new VideoNotSetUp()
    const data = await services.data()
    const identity = await videoIdentityFor(data, sessionId, person.principal.id, now())
    const token = await mintVideoToken(config, {
      identity,
      name: person.principal.name,
      role: person.role,
      room: videoRoomOf(sessionId),
    })
    const e2ee = (await groupSettingsOf(data, person.groupId))!.videoE2ee
    const ticket: VideoTicket = {
      url: config.url,
      token,
      identity,
      e2ee: e2ee ? await currentVideoKey(data, sessionId, now()) : null,
    }
    return c.json(ticket)
  })

  // After a rotation (someone was taken out), the others fetch the new key.
  app.get('/sessions/:sessionId/video/key', async (c) => {
    const sessionId = c.req.param('sessionId')
    const person = await caller(c, sessionId)
    const data = await services.data()
    if (!(await groupSettingsOf(data, person.groupId))!.videoE2ee) {
      throw new HTTPException(404, { message: 'This group’s video is not encrypted end to end.' })
    }
    return c.json(await currentVideoKey(data, sessionId, now()))
  })

  return app
}
