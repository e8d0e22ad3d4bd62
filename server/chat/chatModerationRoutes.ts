import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { Context } from 'hono'
import { chatMuteRequest, chatSettingsRequest } from '../../shared/chat/chatDoc.ts'
import { LINE_CHAT } from '../../shared/chat/lineDoc.ts'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { SIGNALS_MUTES } from '../../shared/signals/signalDocs.ts'
import { appendAudit } from '../audit/audit.ts'
import { newId } from '../db/newId.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { groupOfSession, requireGroupFacilitator } from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import { lineNameFor } from '../signals/privateLines.ts'
import { writeChatSettings } from './chatDocument.ts'
import { chatRecord } from './chatRecord.ts'
import { sendCrisisResources } from './crisisAlert.ts'
import { removeMessages } from './removeMessages.ts'

interface MuteRow {
  id: string
  member_id: string
  named: number
}

/**
 * What facilitators do to keep the chat safe: remove a message (for good), pause one member's
 * messages, slow the chat down or pause it for everyone, and send crisis resources to the
 * writer of an alerting message. Every rule is the server's; the room only shows them.
 */
export function chatModerationRoutes(services: Services) {
  const { db, now, sync } = services
  const record = chatRecord(db, services.keys)
  const app = new Hono<AppEnv>()

  const facilitatorOf = async (c: Context<AppEnv>) => {
    const sessionId = c.req.param('sessionId')!
    const groupId = await groupOfSession(services, sessionId)
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    return { principal, sessionId, groupId }
  }
  const audit = (
    who: Awaited<ReturnType<typeof facilitatorOf>>,
    action: 'chat.message-removed' | 'chat.settings-changed' | 'chat.muted' | 'chat.unmuted',
    detail?: Record<string, string | number | boolean>,
  ) =>
    appendAudit(
      db,
      {
        actor: who.principal,
        action,
        target: { kind: 'session', id: who.sessionId },
        groupId: who.groupId,
        ...(detail ? { detail } : {}),
      },
      now(),
    )
  const lineOf = (groupId: string, sessionId: string, memberId: string) =>
    lineNameFor(db, groupId, sessionId, memberId)
  const signalsOf = (groupId: string, sessionId: string) =>
    sessionDocName.signals(groupId, sessionId) as DocName

  app.delete('/sessions/:sessionId/chat/:messageId', async (c) => {
    const who = await facilitatorOf(c)
    const session = { id: who.sessionId, groupId: who.groupId }
    const messageId = c.req.param('messageId')
    if (!record.get(who.sessionId, messageId)) {
      throw new HTTPException(404, { message: 'no such message' })
    }
    await removeMessages(services, session, [messageId], 'facilitator')
    audit(who, 'chat.message-removed')
    return c.json({ ok: true })
  })

  app.put('/sessions/:sessionId/chat/settings', async (c) => {
    const who = await facilitatorOf(c)
    const body = await parseBody(c, chatSettingsRequest)
    const current = db.sql
      .prepare('SELECT chat_locked, chat_slow_seconds FROM sessions WHERE id = ?')
      .get(who.sessionId) as { chat_locked: number; chat_slow_seconds: number }
    const settings = {
      locked: body.locked ?? current.chat_locked === 1,
      slowSeconds: body.slowSeconds ?? current.chat_slow_seconds,
    }
    db.sql
      .prepare('UPDATE sessions SET chat_locked = ?, chat_slow_seconds = ? WHERE id = ?')
      .run(Number(settings.locked), settings.slowSeconds, who.sessionId)
    await writeChatSettings(
      sync,
      sessionDocName.chat(who.groupId, who.sessionId) as DocName,
      settings,
    )
    audit(who, 'chat.settings-changed', settings)
    return c.json(settings)
  })

  // Mute a member (chosen by name) or the writer of a message, who stays unnamed where the
  // policy hides them: the facilitators' list then says "a member (from an anonymous message)".
  app.post('/sessions/:sessionId/chat/mutes', async (c) => {
    const who = await facilitatorOf(c)
    const body = await parseBody(c, chatMuteRequest)
    let memberId: string | null
    let named: boolean
    if ('memberId' in body) {
      const admitted = db.sql
        .prepare('SELECT 1 FROM members WHERE id = ? AND group_id = ?')
        .get(body.memberId, who.groupId)
      if (!admitted) throw new HTTPException(404, { message: 'no such member' })
      memberId = body.memberId
      named = true
    } else {
      const row = record.get(who.sessionId, body.messageId)
      if (!row) throw new HTTPException(404, { message: 'no such message' })
      memberId = row.member_id ?? services.chat.writerOf(who.sessionId, row.id)
      named = row.member_id !== null
      if (!memberId && !row.member_id && JSON.parse(row.author).kind === 'facilitator') {
        throw new HTTPException(400, { message: 'That message is a facilitator’s.' })
      }
    }
    if (!memberId) {
      throw new HTTPException(404, {
        message:
          'Hearth does not know who wrote this message any more (it keeps no record of anonymous writers). Pause the chat for everyone instead.',
      })
    }
    const existing = db.sql
      .prepare('SELECT id FROM chat_mutes WHERE session_id = ? AND member_id = ?')
      .get(who.sessionId, memberId) as { id: string } | undefined
    if (existing) return c.json({ id: existing.id })
    const id = newId('mute')
    const at = now()
    db.sql
      .prepare(
        `INSERT INTO chat_mutes (id, session_id, member_id, named, muted_at, muted_by)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(id, who.sessionId, memberId, Number(named), at, who.principal.id)
    const name = named
      ? ((
          db.sql.prepare('SELECT pseudonym FROM members WHERE id = ?').get(memberId) as
            { pseudonym: string } | undefined
        )?.pseudonym ?? null)
      : null
    await sync.serverWrite(signalsOf(who.groupId, who.sessionId), (doc) =>
      doc.getMap(SIGNALS_MUTES).set(id, { name, at }),
    )
    await sync.serverWrite(lineOf(who.groupId, who.sessionId, memberId), (doc) =>
      doc.getMap(LINE_CHAT).set('muted', true),
    )
    audit(who, 'chat.muted')
    return c.json({ id }, 201)
  })

  app.delete('/sessions/:sessionId/chat/mutes/:muteId', async (c) => {
    const who = await facilitatorOf(c)
    const mute = db.sql
      .prepare('SELECT id, member_id, named FROM chat_mutes WHERE id = ? AND session_id = ?')
      .get(c.req.param('muteId'), who.sessionId) as MuteRow | undefined
    if (!mute) throw new HTTPException(404, { message: 'no such mute' })
    db.sql.prepare('DELETE FROM chat_mutes WHERE id = ?').run(mute.id)
    await sync.serverWrite(signalsOf(who.groupId, who.sessionId), (doc) =>
      doc.getMap(SIGNALS_MUTES).delete(mute.id),
    )
    await sync.serverWrite(lineOf(who.groupId, who.sessionId, mute.member_id), (doc) =>
      doc.getMap(LINE_CHAT).set('muted', false),
    )
    audit(who, 'chat.unmuted')
    return c.json({ ok: true })
  })

  app.post('/sessions/:sessionId/alerts/:alertId/resources', async (c) => {
    const who = await facilitatorOf(c)
    const sent = await sendCrisisResources(
      services,
      { id: who.sessionId, groupId: who.groupId },
      c.req.param('alertId'),
      who.principal,
    )
    if (!sent) throw new HTTPException(404, { message: 'no such alert' })
    return c.json({ ok: true })
  })

  return app
}
