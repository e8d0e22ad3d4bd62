import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { releaseRequest } from '../../shared/sessions/release.ts'
import { appendAudit } from '../audit/audit.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { groupOfSession, requireGroupFacilitator } from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import { RELEASE_COLUMNS, releaseOf, type ReleaseColumns } from './releaseOf.ts'

/**
 * What the facilitators release to members after a session, and for how long. A change is
 * decided again at once for every socket open on the session's documents, so a member
 * reading something just withheld loses it now, not at their next visit.
 */
export function releaseRoutes(services: Services) {
  const { db, now } = services
  const app = new Hono<AppEnv>()
  const read = db.sql.prepare(`SELECT ${RELEASE_COLUMNS} FROM sessions WHERE id = ?`)
  const releaseOfSession = (sessionId: string) =>
    releaseOf(read.get(sessionId) as unknown as ReleaseColumns)

  app.get('/sessions/:sessionId/release', async (c) => {
    const sessionId = c.req.param('sessionId')
    await requireGroupFacilitator(c, services, await groupOfSession(services, sessionId))
    return c.json({ release: releaseOfSession(sessionId) })
  })

  app.put('/sessions/:sessionId/release', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = await groupOfSession(services, sessionId)
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    const { withheld, days } = await parseBody(c, releaseRequest)
    if (releaseOfSession(sessionId).deletedAt !== null) {
      throw new HTTPException(409, {
        message: 'This session’s materials were deleted when their time ran out.',
      })
    }
    db.transaction(() => {
      db.sql
        .prepare('UPDATE sessions SET withheld = ?, release_days = ? WHERE id = ?')
        .run(JSON.stringify([...new Set(withheld)].sort()), days, sessionId)
      appendAudit(
        db,
        {
          actor: principal,
          action: 'session.release-changed',
          target: { kind: 'session', id: sessionId },
          groupId,
          detail: { withheld: [...new Set(withheld)].sort().join(',') || null, days },
        },
        now(),
      )
    })
    const prefix = sessionDocName.room(groupId, sessionId).slice(0, -'room'.length)
    await services.sync.reauthorize({ docPrefix: prefix })
    return c.json({ release: releaseOfSession(sessionId) })
  })

  return app
}
