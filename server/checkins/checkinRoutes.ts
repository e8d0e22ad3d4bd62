import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import {
  answerFits,
  checkinAnswerRequest,
  LINE_CHECKINS,
  openCheckinRequest,
} from '../../shared/checkins/checkins.ts'
import { raiseCrisisAlert } from '../chat/crisisAlert.ts'
import { findRisk } from '../crisis/findRisk.ts'
import { checkinWord, groupScope, rowIdOf } from '../crypto/sealedColumns.ts'
import { newId } from '../db/newId.ts'
import { groupSettingsOf } from '../groups/groupQueries.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { requireMember } from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import { requireInProgress, roomPersonAs } from '../sessions/roomPerson.ts'
import { lineNameFor } from '../signals/privateLines.ts'
import { ownCheckins } from './ownHistory.ts'
import { answerCheckin, closeCheckin, openCheckin } from './checkinRecord.ts'
import { checkinRow, latestCheckin, publishCheckin, publishNamedAnswers } from './publishCheckin.ts'

/** Changing one's answer a few times is fine; a stream of it is not. */
const ANSWER_RATE = { burst: 5, perSecond: 0.5 }

/**
 * Check-ins: a facilitator opens one (closing the one before) and closes it; members answer
 * through the server, which keeps each answer and shows the room only the aggregate
 * (`publishCheckin.ts`), and the facilitators each answer only where the group allows. A word
 * is read for risk like a chat message: the facilitators are alerted (by name only where the
 * group names answers) and the writer is shown crisis resources privately.
 */
export function checkinRoutes(services: Services) {
  const { now } = services
  const app = new Hono<AppEnv>()

  const during = (sessionId: string) =>
    requireInProgress(services, sessionId, 'Check-ins happen during the session.')
  const facilitatorOf = async (c: Context<AppEnv>, sessionId: string) =>
    await roomPersonAs(c, services, sessionId, 'facilitator')

  app.post('/sessions/:sessionId/checkins', async (c) => {
    const sessionId = c.req.param('sessionId')
    const { principal, groupId } = await facilitatorOf(c, sessionId)
    const { kind, moment } = await parseBody(c, openCheckinRequest)
    await during(sessionId)
    const data = await services.data()
    // Fixed for this check-in: changing the setting later never names answers given before.
    const named = (await groupSettingsOf(data, groupId))?.checkinsNamed ?? false
    const id = newId('checkin')
    const at = now()
    await openCheckin(data, { id, sessionId, groupId, kind, moment, named, by: principal }, at)
    await publishCheckin(services, groupId, (await checkinRow(data, sessionId, id))!)
    return c.json({ id }, 201)
  })

  app.post('/sessions/:sessionId/checkins/:checkinId/close', async (c) => {
    const sessionId = c.req.param('sessionId')
    const { groupId } = await facilitatorOf(c, sessionId)
    const data = await services.data()
    const row = await checkinRow(data, sessionId, c.req.param('checkinId'))
    if (!row) throw new HTTPException(404, { message: 'No such check-in.' })
    if (row.closed_at === null) await closeCheckin(data, sessionId, row.id, now())
    await publishCheckin(services, groupId, (await checkinRow(data, sessionId, row.id))!)
    return c.json({ closed: true })
  })

  app.put('/sessions/:sessionId/checkins/:checkinId/answer', async (c) => {
    const sessionId = c.req.param('sessionId')
    const person = await roomPersonAs(
      c,
      services,
      sessionId,
      'member',
      'Members check in; facilitators lead.',
    )
    const answer = await parseBody(c, checkinAnswerRequest)
    await during(sessionId)
    const data = await services.data()
    const row = await checkinRow(data, sessionId, c.req.param('checkinId'))
    if (!row || row.id !== (await latestCheckin(data, sessionId))?.id) {
      throw new HTTPException(404, { message: 'No such check-in.' })
    }
    if (row.closed_at !== null) {
      throw new HTTPException(409, { message: 'This check-in has closed.' })
    }
    if (!answerFits(row.kind, answer)) {
      throw new HTTPException(400, {
        message:
          row.kind === 'both'
            ? 'This check-in asks for a number and a word.'
            : row.kind === 'mood'
              ? 'This check-in asks for a number from 0 to 10.'
              : 'This check-in asks for a word.',
      })
    }
    const { principal, groupId } = person
    if (!(await services.rates.take('checkin-answer', principal.id, ANSWER_RATE))) {
      throw new HTTPException(429, { message: 'One moment: your answer is on its way.' })
    }
    const at = now()
    const word =
      answer.word === undefined || answer.word === null
        ? null
        : await checkinWord.seal(
            services.keys,
            groupScope(groupId),
            rowIdOf(row.id, principal.id),
            answer.word,
          )
    const kept = await answerCheckin(
      data,
      { checkinId: row.id, sessionId, memberId: principal.id, mood: answer.mood ?? null, word },
      at,
    )
    // Closed since it was read above (by another facilitator, or an instance).
    if (!kept) throw new HTTPException(409, { message: 'This check-in has closed.' })
    // Makes the member's line (and its key) on first use: the named answers join on it.
    const line = await lineNameFor(data, groupId, sessionId, principal.id)
    await services.sync.serverWrite(line, (doc) => doc.getMap(LINE_CHECKINS).set(row.id, { at }))
    const named = row.named === 1
    if (named) await publishNamedAnswers(services, groupId, row)
    await publishCheckin(services, groupId, row)
    const risk = answer.word ? findRisk(answer.word, services.crisis.phrases) : null
    if (risk && answer.word) {
      await raiseCrisisAlert(services, {
        groupId,
        sessionId,
        writer: principal,
        risk,
        source: 'checkin',
        text: answer.word,
        named,
      })
    }
    return c.json({ answered: true })
  })

  app.get('/member/checkins', async (c) => {
    const member = requireMember(c)
    const data = await services.data()
    return c.json({ checkins: await ownCheckins(data, services.keys, member.id, member.groupId) })
  })

  return app
}
