import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { Context } from 'hono'
import { chatMuteRequest, chatSettingsRequest } from '../../shared/chat/chatDoc.ts'
import { LINE_CHAT } from '../../shared/chat/lineDoc.ts'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { SIGNALS_MUTES } from '../../shared/signals/signalDocs.ts'
import { audit } from '../audit/audit.ts'
import { newId } from '../db/newId.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { groupOfSession, requireGroupFacilitator } from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import { lineNameFor } from '../signals/privateLines.ts'
import { writeChatSettings } from './chatDocument.ts'
import { muteMember, unmute } from './chatMutes.ts'
import { chatRecord } from './chatRecord.ts'
import { changeChatSettings } from './chatSettings.ts'
import { sendCrisisResources } from './crisisAlert.ts'
import { removeMessages } from './removeMessages.ts'

/**
 * What facilitators do to keep the chat safe: remove a message (for good), pause one member's
 * messages, slow the chat down or pause it for everyone, and send crisis resources to the
 * writer of an alerting message. Every rule is the server's; the room only shows them.
 */
export function chatModerationRoutes(services: Services) {
  const { now, sync } = services
  const recordOf = async () => chatRecord(await services.data(), services.keys)
  const app = new Hono<AppEnv>()

  const facilitatorOf = async (c: Context<AppEnv>) => {
    const sessionId = c.req.param('sessionId')!
    const groupId = await groupOfSession(services, sessionId)
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    return { principal, sessionId, groupId }
  }
  const trail = async (
    who: Awaited<ReturnType<typeof facilitatorOf>>,
    action: 'chat.message-removed' | 'chat.settings-changed' | 'chat.muted' | 'chat.unmuted',
    detail?: Record<string, string | number | boolean>,
  ) =>
    audit(
      await services.data(),
      {
        actor: who.principal,
        action,
        target: { kind: 'session', id: who.sessionId },
        groupId: who.groupId,
        ...(detail ? { detail } : {}),
      },
      now(),
    )
  const lineOf = async (groupId: string, sessionId: string, memberId: string) =>
    lineNameFor(await services.data(), groupId, sessionId, memberId)
  const signalsOf = (groupId: string, sessionId: string) =>
    sessionDocName.signals(groupId, sessionId) as DocName

  app.delete('/sessions/:sessionId/chat/:messageId', async (c) => {
    const who = await facilitatorOf(c)
    const session = { id: who.sessionId, groupId: who.groupId }
    const messageId = c.req.param('messageId')
    if (!(await (await recordOf()).get(who.sessionId, messageId))) {
      throw new HTTPException(404, { message: 'no such message' })
    }
    await removeMessages(services, session, [messageId], 'facilitator')
    await trail(who, 'chat.message-removed')
    return c.json({ ok: true })
  })

  app.put('/sessions/:sessionId/chat/settings', async (c) => {
    const who = await facilitatorOf(c)
    const body = await parseBody(c, chatSettingsRequest)
    const settings = await changeChatSettings(await services.data(), who.sessionId, body)
    await writeChatSettings(
      sync,
      sessionDocName.chat(who.groupId, who.sessionId) as DocName,
      settings,
    )
    await trail(who, 'chat.settings-changed', settings)
    return c.json(settings)
  })

  // Mute a member (chosen by name) or the writer of a message, who stays unnamed where the
  // policy hides them: the facilitators' list then says "a member (from an anonymous message)".
  app.post('/sessions/:sessionId/chat/mutes', async (c) => {
    const who = await facilitatorOf(c)
    const body = await parseBody(c, chatMuteRequest)
    const data = await services.data()
    let memberId: string | null
    let named: boolean
    if ('memberId' in body) {
      const admitted = await data
        .selectFrom('members')
        .select('id')
        .where('id', '=', body.memberId)
        .where('group_id', '=', who.groupId)
        .executeTakeFirst()
      if (!admitted) throw new HTTPException(404, { message: 'no such member' })
      memberId = body.memberId
      named = true
    } else {
      const row = await chatRecord(data, services.keys).get(who.sessionId, body.messageId)
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
    const at = now()
    const mute = await muteMember(data, {
      id: newId('mute'),
      sessionId: who.sessionId,
      memberId,
      named,
      at,
      by: who.principal.id,
    })
    if (!mute.created) return c.json({ id: mute.id })
    const { id } = mute
    const name = named
      ? ((
          await data
            .selectFrom('members')
            .select('pseudonym')
            .where('id', '=', memberId)
            .executeTakeFirst()
        )?.pseudonym ?? null)
      : null
    await sync.serverWrite(signalsOf(who.groupId, who.sessionId), (doc) =>
      doc.getMap(SIGNALS_MUTES).set(id, { name, at }),
    )
    await sync.serverWrite(await lineOf(who.groupId, who.sessionId, memberId), (doc) =>
      doc.getMap(LINE_CHAT).set('muted', true),
    )
    await trail(who, 'chat.muted')
    return c.json({ id }, 201)
  })

  app.delete('/sessions/:sessionId/chat/mutes/:muteId', async (c) => {
    const who = await facilitatorOf(c)
    const muteId = c.req.param('muteId')
    const lifted = await unmute(await services.data(), who.sessionId, muteId)
    if (!lifted) throw new HTTPException(404, { message: 'no such mute' })
    await sync.serverWrite(signalsOf(who.groupId, who.sessionId), (doc) =>
      doc.getMap(SIGNALS_MUTES).delete(muteId),
    )
    await sync.serverWrite(await lineOf(who.groupId, who.sessionId, lifted.memberId), (doc) =>
      doc.getMap(LINE_CHAT).set('muted', false),
    )
    await trail(who, 'chat.unmuted')
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
