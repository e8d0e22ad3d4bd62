import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { handRequest } from '../../shared/hands/hands.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { parseBody } from '../http/parseBody.ts'
import { requireInProgress, roomPersonAs } from '../sessions/roomPerson.ts'
import { lineKeyFor } from '../signals/privateLines.ts'
import { setHand } from './setHand.ts'

/** Up and down a few times is fine; a stream of it is not. */
const HAND_RATE = { burst: 6, perSecond: 0.5 }

/**
 * A member raises and lowers their hand; a facilitator lowers it (after giving them the floor).
 * Written by the server into the facilitators' queue and the member's own line, never where
 * another member can read it.
 */
export function handRoutes(services: Services) {
  const { now } = services
  const app = new Hono<AppEnv>()

  const during = (sessionId: string) =>
    requireInProgress(services, sessionId, 'Hands are raised only during the session.')

  app.post('/sessions/:sessionId/hand', async (c) => {
    const sessionId = c.req.param('sessionId')
    const person = await roomPersonAs(
      c,
      services,
      sessionId,
      'member',
      'Members raise their hands; facilitators lead.',
    )
    const { raised } = await parseBody(c, handRequest)
    await during(sessionId)
    if (!(await services.rates.take('hand', person.principal.id, HAND_RATE))) {
      throw new HTTPException(429, { message: 'One moment: your hand is on its way.' })
    }
    const { name, colour, id } = person.principal
    const lineKey = await lineKeyFor(await services.data(), sessionId, id)
    await setHand(
      services,
      person.groupId,
      sessionId,
      lineKey,
      raised ? { name, colour, raisedAt: now() } : null,
    )
    return c.json({ raised })
  })

  app.delete('/sessions/:sessionId/hands/:lineKey', async (c) => {
    const sessionId = c.req.param('sessionId')
    const person = await roomPersonAs(c, services, sessionId, 'facilitator')
    await during(sessionId)
    const line = await (
      await services.data()
    )
      .selectFrom('private_lines')
      .select('line_key')
      .where('session_id', '=', sessionId)
      .where('line_key', '=', c.req.param('lineKey'))
      .executeTakeFirst()
    if (!line) throw new HTTPException(404, { message: 'no such hand' })
    await setHand(services, person.groupId, sessionId, line.line_key, null)
    return c.json({ raised: false })
  })

  return app
}
