import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import type { DocName } from '../../shared/documents/docName.ts'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import {
  LINE_SIGNALS,
  SIGNAL_KINDS,
  SIGNALS_LIST,
  SIGNALS_SEEN,
} from '../../shared/signals/signalDocs.ts'
import { audit } from '../audit/audit.ts'
import { newId } from '../db/newId.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { groupOfSession, requireGroupFacilitator, requireMember } from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import { isAdmitted } from '../sessions/isAdmitted.ts'
import { markSignalSeen } from './markSignalSeen.ts'
import { lineNameFor } from './privateLines.ts'

const signalBody = z.object({ kind: z.enum(SIGNAL_KINDS) })
/** Three at once, then one a minute. */
const SIGNAL_RATE = { perSecond: 1 / 60, burst: 3 }

/**
 * The silent signal: a member tells the facilitators privately "I need a moment" or "I'm not
 * OK". The server writes it into the session's signals document, which only facilitators can
 * open, and into the member's private line; no peer's socket ever carries it. A facilitator
 * marks it seen once for every facilitator of the session, and the member's line says so.
 */
export function signalRoutes(services: Services) {
  const { now } = services
  const app = new Hono<AppEnv>()
  // A few signals in a row are fine (a member may press twice); a stream of them is not.
  const lineOf = async (groupId: string, sessionId: string, memberId: string) =>
    lineNameFor(await services.data(), groupId, sessionId, memberId)

  app.post('/sessions/:sessionId/signal', async (c) => {
    const member = requireMember(c)
    const sessionId = c.req.param('sessionId')
    const groupId = await groupOfSession(services, sessionId)
    const { kind } = await parseBody(c, signalBody)
    const data = await services.data()
    if (groupId !== member.groupId || !(await isAdmitted(data, sessionId, member.id))) {
      throw new HTTPException(403, { message: 'not allowed' })
    }
    if (!(await services.rates.take('signal', member.id, SIGNAL_RATE))) {
      throw new HTTPException(429, {
        message: 'Your facilitator already has your message. They will be with you soon.',
      })
    }
    const at = now()
    const id = newId('signal')
    await data
      .insertInto('silent_signals')
      .values({ id, session_id: sessionId, member_id: member.id, kind, sent_at: at })
      .execute()
    const line = await lineOf(groupId, sessionId, member.id)
    await services.sync.serverWrite(
      sessionDocName.signals(groupId, sessionId) as DocName,
      (doc) => {
        // With the member's line, where a facilitator answers them privately.
        doc
          .getArray(SIGNALS_LIST)
          .push([{ id, at, kind, name: member.name, colour: member.colour, line }])
      },
    )
    await services.sync.serverWrite(line, (doc) => {
      doc.getMap(LINE_SIGNALS).set(id, { at, kind, seenAt: null })
    })
    // The trail records that a signal was sent, not what it said.
    await audit(
      data,
      { actor: member, action: 'signal.sent', target: { kind: 'session', id: sessionId }, groupId },
      at,
    )
    return c.json({ id, line }, 201)
  })

  app.post('/sessions/:sessionId/signals/:signalId/seen', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = await groupOfSession(services, sessionId)
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    const data = await services.data()
    const at = now()
    const seen = await markSignalSeen(data, c.req.param('signalId'), sessionId, principal.id, at)
    if (!seen) throw new HTTPException(404, { message: 'no such signal' })
    // Marked once: a second facilitator pressing it too changes nothing.
    if (!seen.first) return c.json({ seenAt: seen.seenAt })
    const { signal } = seen
    await services.sync.serverWrite(
      sessionDocName.signals(groupId, sessionId) as DocName,
      (doc) => {
        doc.getMap(SIGNALS_SEEN).set(signal.id, { at, by: principal.name })
      },
    )
    // A crisis alert was not the member's own signal: nothing to tell them here.
    if (signal.kind !== 'crisis') {
      await services.sync.serverWrite(await lineOf(groupId, sessionId, signal.member_id), (doc) => {
        doc
          .getMap(LINE_SIGNALS)
          .set(signal.id, { at: signal.sent_at, kind: signal.kind, seenAt: at })
      })
    }
    await audit(
      data,
      {
        actor: principal,
        action: 'signal.seen',
        target: { kind: 'session', id: sessionId },
        groupId,
      },
      at,
    )
    return c.json({ seenAt: at })
  })

  return app
}
