import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import {
  chatPostRequest,
  chatReactRequest,
  chatTypingRequest,
  type ChatAuthor,
} from '../../shared/chat/chatDoc.ts'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { SIGNALS_AUTHORS } from '../../shared/signals/signalDocs.ts'
import { personOf } from '../auth/Principal.ts'
import { findRisk } from '../crisis/findRisk.ts'
import { newId } from '../db/newId.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { groupOfSession, requireReader } from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import { TryLater } from '../http/TryLater.ts'
import type { Rate } from '../sync/TokenBucket.ts'
import { appendToChat, replaceInChat } from './chatDocument.ts'
import { chatSpeaker, type ChatSpeaker } from './chatGate.ts'
import { isMuted } from './chatMutes.ts'
import { chatRecord } from './chatRecord.ts'
import { raiseCrisisAlert } from './crisisAlert.ts'

/** Five in a row, then one every two seconds: a person typing, not a script. */
const POST_RATE: Rate = { perSecond: 0.5, burst: 5 }
const REACT_RATE: Rate = { perSecond: 2, burst: 10 }
const TYPING_RATE: Rate = { perSecond: 1, burst: 5 }

/**
 * How a message's writer shows, as the group's identity policy says at the time it is sent (a
 * member of an anonymous group may sign one message with their name; never the reverse).
 */
function authorOf(speaker: ChatSpeaker, named = false): ChatAuthor {
  if (speaker.role === 'facilitator') return { kind: 'facilitator', name: speaker.principal.name }
  return speaker.group.anonymousChat && !named
    ? { kind: 'anonymous' }
    : { kind: 'member', name: speaker.principal.name, colour: speaker.principal.colour }
}

/**
 * The group chat: members never write its document; they send a message here, the server
 * checks it (session, standing, mute, lock, slow mode, rate, length) and appends it, with the
 * author as the group's policy shows it. Posts are neither logged nor audited with their
 * writer: a trail entry "member X wrote at T" would undo anonymity.
 * Moderation lives in chatModerationRoutes.ts.
 */
export function chatRoutes(services: Services) {
  const { now, sync } = services
  const recordOf = async () => chatRecord(await services.data(), services.keys)
  const app = new Hono<AppEnv>()
  const { rates } = services

  app.post('/sessions/:sessionId/chat', async (c) => {
    const speaker = await chatSpeaker(c, services, c.req.param('sessionId'))
    const { text, named } = await parseBody(c, chatPostRequest)
    const person = personOf(speaker.principal)
    const at = now()
    if (speaker.role === 'member') {
      const { sessionId } = speaker
      const memberId = speaker.principal.id
      if (await isMuted(await services.data(), sessionId, memberId)) {
        throw new HTTPException(403, {
          message:
            'A facilitator has paused your chat messages for now. You can still write to the facilitators privately.',
        })
      }
      if (speaker.locked) {
        throw new HTTPException(409, { message: 'The facilitators have paused the chat for now.' })
      }
      if (speaker.slowSeconds > 0) {
        // When each member last wrote is kept with the limits, not stored: an anonymous
        // writer's messages have no stored link. Claimed before the message is appended, so
        // that two sent at once (through two instances, say) are not both let through.
        const left = await rates.claimQuiet(
          'chat-slow-mode',
          `${sessionId}:${memberId}`,
          speaker.slowSeconds * 1000,
        )
        const wait = Math.ceil(left / 1000)
        if (wait > 0) {
          throw new TryLater(
            429,
            `Slow mode is on: you can send your next message in ${wait} s.`,
            wait,
          )
        }
      }
    }
    if (!(await rates.take('chat-post', person, POST_RATE))) {
      throw new HTTPException(429, {
        message: 'You are sending messages very fast. Wait a moment.',
      })
    }
    const author = authorOf(speaker, named)
    const member = speaker.role === 'member' ? speaker.principal : null
    // The link to the writer is stored only where the policy lets facilitators see it (or the
    // message shows the name anyway); otherwise it lives in memory, to let a facilitator mute
    // "whoever wrote this" without learning who, and is gone when the session ends.
    const linked = member && (author.kind === 'member' || speaker.group.facilitatorsSeeAuthors)
    const id = newId('chatMessage')
    const record = await recordOf()
    const row = await record.append({
      id,
      sessionId: speaker.sessionId,
      at,
      author,
      memberId: linked ? member.id : null,
      text,
    })
    if (!(await appendToChat(sync, speaker.chat, await record.viewOf(row)))) {
      // The chat document is damaged (read only): not in the chat, so not kept either.
      await record.discard(speaker.sessionId, id)
      throw new HTTPException(503, {
        message:
          'The chat cannot take messages right now. You can still write to the facilitators privately.',
      })
    }
    if (member && !linked) services.chat.rememberWriter(speaker.sessionId, id, member.id)
    if (member && author.kind === 'anonymous' && linked) {
      await sync.serverWrite(
        sessionDocName.signals(speaker.groupId, speaker.sessionId) as DocName,
        (doc) => doc.getMap(SIGNALS_AUTHORS).set(id, { name: member.name, colour: member.colour }),
      )
    }
    services.chat.typists.set(speaker.chat, person, null, false)
    const risk = member ? findRisk(text, services.crisis.phrases) : null
    if (member && risk) {
      await raiseCrisisAlert(services, {
        groupId: speaker.groupId,
        sessionId: speaker.sessionId,
        writer: member,
        risk,
        source: 'chat',
        text,
        messageId: id,
        named: author.kind === 'member' || !!linked,
      })
    }
    return c.json({ id, seq: row.seq }, 201)
  })

  app.post('/sessions/:sessionId/chat/:messageId/reactions', async (c) => {
    const speaker = await chatSpeaker(c, services, c.req.param('sessionId'))
    const { reaction, on } = await parseBody(c, chatReactRequest)
    const record = await recordOf()
    const row = await record.get(speaker.sessionId, c.req.param('messageId'))
    if (!row || row.removed) throw new HTTPException(404, { message: 'no such message' })
    const person = personOf(speaker.principal)
    if (!(await rates.take('chat-reaction', person, REACT_RATE))) {
      throw new HTTPException(429, { message: 'Too many reactions at once. Wait a moment.' })
    }
    if (await record.react(row.id, person, reaction, on)) {
      await replaceInChat(sync, speaker.chat, await record.viewOf(row))
    }
    return c.json({ ok: true })
  })

  app.post('/sessions/:sessionId/chat/typing', async (c) => {
    const speaker = await chatSpeaker(c, services, c.req.param('sessionId'))
    const { typing } = await parseBody(c, chatTypingRequest)
    const person = personOf(speaker.principal)
    if (!(await rates.take('chat-typing', person, TYPING_RATE))) return c.json({ ok: true })
    const author = authorOf(speaker)
    services.chat.typists.set(
      speaker.chat,
      person,
      author.kind === 'anonymous' ? null : author.name,
      typing,
    )
    return c.json({ ok: true })
  })

  // Older messages than the document holds, a page at a time, to whoever may read the chat.
  app.get('/sessions/:sessionId/chat/older', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = await groupOfSession(services, sessionId)
    await requireReader(c, services, sessionDocName.chat(groupId, sessionId) as DocName)
    const before = z.coerce.number().int().min(1).safeParse(c.req.query('before'))
    if (!before.success) throw new HTTPException(400, { message: 'before: a message number' })
    return c.json({ messages: await (await recordOf()).before(sessionId, before.data) })
  })

  return app
}
