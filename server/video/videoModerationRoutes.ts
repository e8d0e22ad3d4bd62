import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { audit } from '../audit/audit.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { groupOfSession, requireGroupFacilitator } from '../http/guards.ts'
import { changeAttendance } from '../sessions/changeAttendance.ts'
import { inProgress, sessionRow } from '../sessions/roomState.ts'
import { livekitSdk } from './livekitSdk.ts'
import { removeFromCall, roomService } from './removeFromCall.ts'
import { videoRoomOf } from './videoConfig.ts'
import { personOfIdentity } from './videoIdentity.ts'
import { VideoNotSetUp } from './videoRoutes.ts'

/**
 * A facilitator's controls of the call, through the server (no browser holds room admin): mute
 * someone's microphone, and take someone out of the call, which also removes a member from the
 * session (their sockets close, their token is revoked). There is no unmute: only the person
 * themself turns their microphone back on.
 */
export function videoModerationRoutes(services: Services) {
  const { now } = services
  const app = new Hono<AppEnv>()

  /** A facilitator of the session's group, during the session, naming someone in its call. */
  const target = async (c: Parameters<typeof requireGroupFacilitator>[0]) => {
    const sessionId = c.req.param('sessionId')!
    const groupId = await groupOfSession(services, sessionId)
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    if (!services.video) throw new VideoNotSetUp()
    const data = await services.data()
    if (!inProgress((await sessionRow(data, sessionId)).status)) {
      throw new HTTPException(409, { message: 'The call is open only while the session is.' })
    }
    const identity = c.req.param('identity')!
    const person = await personOfIdentity(data, sessionId, identity)
    if (!person) throw new HTTPException(404, { message: 'nobody by that name in this call' })
    return { data, sessionId, groupId, principal, identity, person }
  }

  app.post('/sessions/:sessionId/video/participants/:identity/mute', async (c) => {
    const { data, sessionId, groupId, principal, identity, person } = await target(c)
    const rooms = (await roomService(services))!
    const { TrackSource } = await livekitSdk()
    const room = videoRoomOf(sessionId)
    const participant = await rooms.getParticipant(room, identity).catch(() => null)
    const microphone = participant?.tracks.find((t) => t.source === TrackSource.MICROPHONE)
    if (!microphone) {
      throw new HTTPException(409, { message: 'Their microphone is not on in the call.' })
    }
    await rooms.mutePublishedTrack(room, identity, microphone.sid, true)
    await audit(
      data,
      {
        actor: principal,
        action: 'video.muted',
        target: { kind: 'member', id: person.personId },
        groupId,
        detail: { session: sessionId },
      },
      now(),
    )
    return c.json({ muted: true })
  })

  app.post('/sessions/:sessionId/video/participants/:identity/remove', async (c) => {
    const { data, sessionId, groupId, principal, person } = await target(c)
    const member = await data
      .selectFrom('session_attendance')
      .select('member_id')
      .where('session_id', '=', sessionId)
      .where('member_id', '=', person.personId)
      .executeTakeFirst()
    // A member leaves the session with the call (changeAttendance takes them out of it too).
    const changed = member
      ? await changeAttendance(
          services,
          sessionId,
          groupId,
          [person.personId],
          'removed',
          principal,
        )
      : []
    if (changed.length === 0)
      await removeFromCall(services, sessionId, person.personId, { ban: true })
    await audit(
      data,
      {
        actor: principal,
        action: 'video.removed',
        target: { kind: member ? 'member' : 'facilitator', id: person.personId },
        groupId,
        detail: { session: sessionId },
      },
      now(),
    )
    return c.json({ removed: true })
  })

  return app
}
