import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import {
  measureAnswersRequest,
  ROOM_MEASURES,
  sendMeasureRequest,
} from '../../shared/measures/measureDocs.ts'
import {
  ANSWER_LABELS,
  InvalidAnswers,
  MEASURES,
  PHQ9_SELF_HARM_ITEM,
  scoreMeasure,
} from '../../shared/measures/measures.ts'
import { raiseCrisisAlert } from '../chat/crisisAlert.ts'
import { newId } from '../db/newId.ts'
import { groupScope, measureAnswers, rowIdOf } from '../crypto/sealedColumns.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { requireMember } from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import { requireInProgress, roomPersonAs } from '../sessions/roomPerson.ts'
import { publishMeasureResult } from './publishMeasureResult.ts'
import { ownMeasures } from '../checkins/ownHistory.ts'
import { answerMeasure, measureRequest, sendMeasure } from './measureRecord.ts'
import { sealResult } from './storedResults.ts'

/**
 * Validated measures (PHQ-9, GAD-7): a facilitator sends one at a session; each member may
 * answer it once, through the server, which scores it as published (shared/measures) and keeps
 * the result for the member and the facilitators only. A PHQ-9 answered above "Not at all" on
 * item 9 raises the facilitators' crisis banner and shows the member the crisis resources of
 * the group's region, privately, at once.
 */
export function measureRoutes(services: Services) {
  const { now } = services
  const app = new Hono<AppEnv>()

  const during = (sessionId: string) =>
    requireInProgress(
      services,
      sessionId,
      'Questionnaires are sent and answered during the session.',
    )

  app.post('/sessions/:sessionId/measures', async (c) => {
    const sessionId = c.req.param('sessionId')
    const person = await roomPersonAs(c, services, sessionId, 'facilitator')
    const { measure } = await parseBody(c, sendMeasureRequest)
    await during(sessionId)
    const at = now()
    const { id, sent } = await sendMeasure(
      await services.data(),
      { id: newId('measure'), sessionId, groupId: person.groupId, measure, by: person.principal },
      at,
    )
    if (!sent) return c.json({ id })
    await services.sync.serverWrite(
      sessionDocName.room(person.groupId, sessionId) as DocName,
      (doc) => void doc.getMap(ROOM_MEASURES).set(id, { measure, sentAt: at }),
    )
    return c.json({ id }, 201)
  })

  app.post('/sessions/:sessionId/measures/:requestId/answers', async (c) => {
    const sessionId = c.req.param('sessionId')
    const person = await roomPersonAs(
      c,
      services,
      sessionId,
      'member',
      'Members answer questionnaires.',
    )
    const { answers } = await parseBody(c, measureAnswersRequest)
    await during(sessionId)
    const data = await services.data()
    const request = await measureRequest(data, sessionId, c.req.param('requestId'))
    if (!request) throw new HTTPException(404, { message: 'No such questionnaire.' })
    let score
    try {
      score = scoreMeasure(request.measure, answers)
    } catch (error) {
      if (error instanceof InvalidAnswers) throw new HTTPException(400, { message: error.message })
      throw error
    }
    const member = person.principal
    const at = now()
    // The item answers are kept for the record only (nothing reads them back): sealed.
    const sealed = await measureAnswers.seal(
      services.keys,
      groupScope(person.groupId),
      rowIdOf(request.id, member.id),
      JSON.stringify(answers),
    )
    const stored = await sealResult(
      services.keys,
      person.groupId,
      { requestId: request.id, memberId: member.id },
      { score: score.total, band: score.band },
    )
    const inserted = await answerMeasure(
      data,
      {
        requestId: request.id,
        measure: request.measure,
        sessionId,
        groupId: person.groupId,
        member,
        answers: sealed,
        score: stored.score,
        band: stored.band,
      },
      at,
    )
    if (!inserted) throw new HTTPException(409, { message: 'You have already answered this one.' })
    const result = { measure: request.measure, score: score.total, band: score.band, at }
    await publishMeasureResult(services, sessionId, member, request.id, {
      ...result,
      selfHarm: score.selfHarmPositive,
    })
    if (score.selfHarmPositive) {
      const item = MEASURES.phq9.items[PHQ9_SELF_HARM_ITEM]!
      await raiseCrisisAlert(services, {
        groupId: person.groupId,
        sessionId,
        writer: member,
        risk: { category: 'suicide', locale: 'en' },
        source: 'measure',
        text: `${item}: ${ANSWER_LABELS[answers[PHQ9_SELF_HARM_ITEM]!]}`,
        named: true,
      })
    }
    return c.json(result, 201)
  })

  app.get('/member/measures', async (c) => {
    const member = requireMember(c)
    const data = await services.data()
    return c.json({ measures: await ownMeasures(data, services.keys, member.id, member.groupId) })
  })

  return app
}
