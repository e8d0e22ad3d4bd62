import { Hono, type Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import {
  BREATHING_PATTERNS,
  breathingRequest,
  LEAD_IN_MS,
  type BreathingState,
} from '../../shared/breathing/patterns.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { parseBody } from '../http/parseBody.ts'
import { requireInProgress, roomPersonAs } from '../sessions/roomPerson.ts'
import { setBreathing } from './setBreathing.ts'

/** Starting over a few times is fine (a wrong pattern picked); a stream of starts is not. */
const START_RATE = { burst: 6, perSecond: 0.1 }

/**
 * Breathing together: a facilitator starts a paced exercise for the whole room, or stops it.
 * The server fixes when the first breath begins, on its own clock and a short lead-in ahead,
 * so every screen (whatever its own clock says) runs the same breath at the same moment.
 */
export function breathingRoutes(services: Services) {
  const { now } = services
  const app = new Hono<AppEnv>()

  const leader = async (c: Context<AppEnv>, sessionId: string) =>
    await roomPersonAs(c, services, sessionId, 'facilitator', 'Facilitators lead the breathing.')
  const during = (sessionId: string) =>
    requireInProgress(services, sessionId, 'Breathing together is only during the session.')

  app.post('/sessions/:sessionId/breathing', async (c) => {
    const sessionId = c.req.param('sessionId')
    const person = await leader(c, sessionId)
    const { pattern, rounds } = await parseBody(c, breathingRequest)
    await during(sessionId)
    if (!(await services.rates.take('breathing-start', person.principal.id, START_RATE))) {
      throw new HTTPException(429, { message: 'One moment: the last start is still on its way.' })
    }
    const at = now()
    const breathing: BreathingState = {
      pattern,
      rounds: rounds ?? BREATHING_PATTERNS[pattern].rounds,
      startsAt: at + LEAD_IN_MS,
      at,
    }
    await setBreathing(services, person.groupId, sessionId, breathing)
    return c.json({ breathing })
  })

  app.delete('/sessions/:sessionId/breathing', async (c) => {
    const sessionId = c.req.param('sessionId')
    const person = await leader(c, sessionId)
    await setBreathing(services, person.groupId, sessionId, null)
    return c.json({ breathing: null })
  })

  return app
}
