import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import type { DocName } from '../../shared/documents/docName.ts'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { appendAudit } from '../audit/audit.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { groupOfSession, requireMember } from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import { isAdmitted } from '../sessions/isAdmitted.ts'
import { TokenBucket } from '../sync/TokenBucket.ts'

export const SIGNAL_KINDS = ['need-a-moment', 'not-ok'] as const
const signalBody = z.object({ kind: z.enum(SIGNAL_KINDS) })
/** Three at once, then one a minute. */
const SIGNAL_RATE = { perSecond: 1 / 60, burst: 3 }

/**
 * The silent signal: a member tells the facilitators privately "I need a moment" or "I'm not
 * OK". The server writes it into the session's signals document, which only facilitators can
 * open; no peer's socket ever carries it.
 */
export function signalRoutes(services: Services) {
  const { db, now } = services
  const app = new Hono<AppEnv>()
  // A few signals in a row are fine (a member may press twice); a stream of them is not.
  const buckets = new Map<string, TokenBucket>()

  app.post('/sessions/:sessionId/signal', async (c) => {
    const member = requireMember(c)
    const sessionId = c.req.param('sessionId')
    const groupId = groupOfSession(services, sessionId)
    const { kind } = await parseBody(c, signalBody)
    if (groupId !== member.groupId || !isAdmitted(db, sessionId, member.id)) {
      throw new HTTPException(403, { message: 'not allowed' })
    }
    let bucket = buckets.get(member.id)
    if (!bucket) buckets.set(member.id, (bucket = new TokenBucket(SIGNAL_RATE, now)))
    if (!bucket.take()) {
      throw new HTTPException(429, {
        message: 'Your facilitator already has your message. They will be with you soon.',
      })
    }
    const at = now()
    await services.sync.serverWrite(
      sessionDocName.signals(groupId, sessionId) as DocName,
      (doc) => {
        doc.getArray('signals').push([{ at, kind, name: member.name, colour: member.colour }])
      },
    )
    // The trail records that a signal was sent, not what it said.
    appendAudit(
      db,
      { actor: member, action: 'signal.sent', target: { kind: 'session', id: sessionId }, groupId },
      at,
    )
    return c.json({ ok: true }, 201)
  })

  return app
}
