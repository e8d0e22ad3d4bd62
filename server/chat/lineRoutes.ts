import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { LINE_MESSAGES, linePostRequest, type LineMessage } from '../../shared/chat/lineDoc.ts'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { SIGNALS_LINES } from '../../shared/signals/signalDocs.ts'
import { personOf } from '../auth/Principal.ts'
import { findRisk } from '../crisis/findRisk.ts'
import { newId } from '../db/newId.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { parseBody } from '../http/parseBody.ts'
import { lineKeyFor } from '../signals/privateLines.ts'
import type { Rate } from '../sync/TokenBucket.ts'
import { chatSpeaker } from './chatGate.ts'
import { raiseCrisisAlert } from './crisisAlert.ts'

const LINE_RATE: Rate = { perSecond: 0.5, burst: 5 }
/** A private conversation of one session holds this many messages at most. */
export const LINE_MAX_MESSAGES = 300

/**
 * The private line: a member writes to the facilitators only, and a facilitator answers that
 * member only. Both go into the member's line document (that member and the facilitators read
 * it); the facilitators' signals document lists who wrote and whether they are still waiting
 * for an answer. A muted member can still write here: the line is how they reach help.
 */
export function lineRoutes(services: Services) {
  const { now, sync } = services
  const app = new Hono<AppEnv>()
  const take = (person: string) => services.rates.take('chat-line', person, LINE_RATE)

  const write = async (
    groupId: string,
    sessionId: string,
    lineKey: string,
    message: LineMessage,
    entry: { name: string; colour: string } | null,
  ) => {
    const line = sessionDocName.line(groupId, sessionId, lineKey) as DocName
    const held = await sync.serverRead(line, (doc) => doc.getArray(LINE_MESSAGES).length)
    if (held >= LINE_MAX_MESSAGES) {
      throw new HTTPException(409, {
        message:
          'This private conversation is full for this session. Please talk to your facilitator.',
      })
    }
    await sync.serverWrite(line, (doc) => doc.getArray(LINE_MESSAGES).push([message]))
    await sync.serverWrite(sessionDocName.signals(groupId, sessionId) as DocName, (doc) => {
      const lines = doc.getMap<Record<string, unknown>>(SIGNALS_LINES)
      const held = lines.get(lineKey)
      const who = entry ?? { name: held?.name ?? 'A member', colour: held?.colour ?? '#6b5b4e' }
      lines.set(lineKey, { ...who, lastAt: message.at, waiting: message.from === 'member' })
    })
  }

  app.post('/sessions/:sessionId/line', async (c) => {
    const speaker = await chatSpeaker(c, services, c.req.param('sessionId'))
    if (speaker.role !== 'member') throw new HTTPException(403, { message: 'not allowed' })
    const { text } = await parseBody(c, linePostRequest)
    if (!(await take(personOf(speaker.principal)))) {
      throw new HTTPException(429, {
        message: 'You are sending messages very fast. Wait a moment.',
      })
    }
    const member = speaker.principal
    const lineKey = await lineKeyFor(await services.data(), speaker.sessionId, member.id)
    const message: LineMessage = { id: newId('lineMessage'), at: now(), from: 'member', text }
    await write(speaker.groupId, speaker.sessionId, lineKey, message, {
      name: member.name,
      colour: member.colour,
    })
    const risk = findRisk(text, services.crisis.phrases)
    if (risk) {
      await raiseCrisisAlert(services, {
        groupId: speaker.groupId,
        sessionId: speaker.sessionId,
        writer: member,
        risk,
        source: 'line',
        text,
        named: true,
      })
    }
    return c.json({ id: message.id }, 201)
  })

  app.post('/sessions/:sessionId/lines/:lineKey', async (c) => {
    const speaker = await chatSpeaker(c, services, c.req.param('sessionId'))
    if (speaker.role !== 'facilitator') throw new HTTPException(403, { message: 'not allowed' })
    const { text } = await parseBody(c, linePostRequest)
    const line = await (
      await services.data()
    )
      .selectFrom('private_lines')
      .select('line_key')
      .where('session_id', '=', speaker.sessionId)
      .where('line_key', '=', c.req.param('lineKey'))
      .executeTakeFirst()
    if (!line) throw new HTTPException(404, { message: 'no such line' })
    if (!(await take(personOf(speaker.principal)))) {
      throw new HTTPException(429, {
        message: 'You are sending messages very fast. Wait a moment.',
      })
    }
    const message: LineMessage = {
      id: newId('lineMessage'),
      at: now(),
      from: 'facilitator',
      name: speaker.principal.name,
      text,
    }
    await write(speaker.groupId, speaker.sessionId, line.line_key, message, null)
    return c.json({ id: message.id }, 201)
  })

  return app
}
