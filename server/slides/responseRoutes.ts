import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { checkAnswer, responseValue, SHOW_THRESHOLD } from '../../shared/slides/responses.ts'
import { groupScope, rowIdOf, slideResponse } from '../crypto/sealedColumns.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { groupOfSession, requireGroupFacilitator, requireMember } from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import { isAdmitted } from '../sessions/isAdmitted.ts'
import { inProgress, sessionRow } from '../sessions/roomState.ts'
import { publishResults, questionOf, type HandoutRef } from './publishResults.ts'
import { answerCount, saveAnswer, showResults } from './slideAnswers.ts'

const SLIDE = z.string().regex(/^[a-z0-9]{8,16}$/)
const answerRequest = z.object({ slideId: SLIDE, value: responseValue }).strict()
const showRequest = z.object({ slideId: SLIDE, shown: z.boolean() }).strict()
/** A few answers a second is plenty for a person changing their mind. */
const ANSWER_RATE = { perSecond: 5, burst: 10 }

/**
 * Answers to response slides: a member answers (and may change their answer) while the
 * session is open; the server checks the answer against the question and counts. The
 * facilitators decide whether the group sees the counts (only once enough have answered).
 */
export function responseRoutes(services: Services) {
  const { now } = services
  const app = new Hono<AppEnv>()
  const handoutOf = async (sessionId: string, handoutId: string): Promise<HandoutRef> => {
    const groupId = await groupOfSession(services, sessionId)
    const data = await services.data()
    const row = await data
      .selectFrom('handouts')
      .select('id')
      .where('id', '=', handoutId)
      .where('session_id', '=', sessionId)
      .executeTakeFirst()
    if (!row) throw new HTTPException(404, { message: 'no such deck in this session' })
    return { id: handoutId, sessionId, groupId }
  }

  app.post('/sessions/:sessionId/handouts/:handoutId/responses', async (c) => {
    const member = requireMember(c)
    const sessionId = c.req.param('sessionId')
    const handout = await handoutOf(sessionId, c.req.param('handoutId'))
    const { slideId, value } = await parseBody(c, answerRequest)
    const data = await services.data()
    if (handout.groupId !== member.groupId || !(await isAdmitted(data, sessionId, member.id))) {
      throw new HTTPException(403, { message: 'not allowed' })
    }
    if (!inProgress((await sessionRow(data, sessionId)).status)) {
      throw new HTTPException(409, { message: 'Answers are taken while the session is on.' })
    }
    if (!(await services.rates.take('slide-answer', member.id, ANSWER_RATE)))
      throw new HTTPException(429, { message: 'One moment, then try again.' })
    const spec = await questionOf(services, handout, slideId)
    if (!spec) throw new HTTPException(404, { message: 'This slide asks no question.' })
    const stored = checkAnswer(spec, value)
    if (stored === null) {
      throw new HTTPException(400, {
        message:
          spec.kind === 'word'
            ? 'Write a word or a few, up to 30 letters.'
            : 'Choose one of the answers offered.',
      })
    }
    await saveAnswer(
      data,
      { handoutId: handout.id, slideId },
      member.id,
      await slideResponse.seal(
        services.keys,
        groupScope(handout.groupId),
        rowIdOf(handout.id, slideId, member.id),
        stored,
      ),
      now(),
    )
    await publishResults(services, handout, slideId, spec)
    return c.json({ ok: true, answer: stored })
  })

  app.post('/sessions/:sessionId/handouts/:handoutId/results', async (c) => {
    const sessionId = c.req.param('sessionId')
    const handout = await handoutOf(sessionId, c.req.param('handoutId'))
    const { principal } = await requireGroupFacilitator(c, services, handout.groupId)
    const { slideId, shown } = await parseBody(c, showRequest)
    const spec = await questionOf(services, handout, slideId)
    if (!spec) throw new HTTPException(404, { message: 'This slide asks no question.' })
    const data = await services.data()
    const slide = { handoutId: handout.id, slideId }
    if (shown && (await answerCount(data, slide)) < SHOW_THRESHOLD) {
      throw new HTTPException(409, {
        message: `The group sees the answers once at least ${SHOW_THRESHOLD} people have answered, so that no answer points at one person.`,
      })
    }
    await showResults(
      data,
      { ...slide, sessionId, groupId: handout.groupId },
      shown,
      principal,
      now(),
    )
    await publishResults(services, handout, slideId, spec)
    return c.json({ ok: true })
  })

  return app
}
