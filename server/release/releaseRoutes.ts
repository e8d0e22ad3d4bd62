import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { releaseRequest } from '../../shared/sessions/release.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { groupOfSession, requireGroupFacilitator } from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import { RELEASE_FIELDS, releaseOf } from './releaseOf.ts'
import { setRelease } from './setRelease.ts'

/**
 * What the facilitators release to members after a session, and for how long. A change is
 * decided again at once for every socket open on the session's documents, so a member
 * reading something just withheld loses it now, not at their next visit.
 */
export function releaseRoutes(services: Services) {
  const { now } = services
  const app = new Hono<AppEnv>()
  const releaseOfSession = async (sessionId: string) =>
    releaseOf(
      await (
        await services.data()
      )
        .selectFrom('sessions')
        .select(RELEASE_FIELDS)
        .where('id', '=', sessionId)
        .executeTakeFirstOrThrow(),
    )

  app.get('/sessions/:sessionId/release', async (c) => {
    const sessionId = c.req.param('sessionId')
    await requireGroupFacilitator(c, services, await groupOfSession(services, sessionId))
    return c.json({ release: await releaseOfSession(sessionId) })
  })

  app.put('/sessions/:sessionId/release', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = await groupOfSession(services, sessionId)
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    const { withheld, days } = await parseBody(c, releaseRequest)
    const session = { id: sessionId, groupId }
    const data = await services.data()
    if (!(await setRelease(data, session, { withheld, days }, principal, now()))) {
      throw new HTTPException(409, {
        message: 'This session’s materials were deleted when their time ran out.',
      })
    }
    const prefix = sessionDocName.room(groupId, sessionId).slice(0, -'room'.length)
    await services.sync.reauthorize({ docPrefix: prefix })
    return c.json({ release: await releaseOfSession(sessionId) })
  })

  return app
}
