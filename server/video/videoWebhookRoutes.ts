import { Hono } from 'hono'
import { firstDelivery } from './videoEvents.ts'
import { HTTPException } from 'hono/http-exception'
import type { WebhookReceiver } from 'livekit-server-sdk'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { readLimitedText } from '../http/parseBody.ts'
import { publishRoomState } from '../sessions/roomState.ts'
import { livekitSdk } from './livekitSdk.ts'
import { sessionOfVideoRoom } from './videoConfig.ts'
import { callJoined, callLeft } from './videoAttendance.ts'
import { personOfIdentity } from './videoIdentity.ts'

/** A webhook is a few hundred bytes of JSON; anything much larger is not LiveKit's. */
const WEBHOOK_MAX_BYTES = 64 * 1024

/**
 * LiveKit's webhooks: the raw body is verified (the `Authorization` header is a token signed
 * with the API secret, carrying the body's SHA-256) before anything in it is believed, and each
 * event is taken once, by its id (LiveKit retries). Joins and leaves of the session's call feed
 * its attendance: when each person joined and left. Nothing else from the body is kept.
 */
export function videoWebhookRoutes(services: Services) {
  const { now, log } = services
  const app = new Hono<AppEnv>()

  app.post('/video/webhook', async (c) => {
    const config = services.video
    if (!config) throw new HTTPException(404, { message: 'not found' })
    const body = await readLimitedText(c, WEBHOOK_MAX_BYTES)
    const { WebhookReceiver } = await livekitSdk()
    const receiver = new WebhookReceiver(config.apiKey, config.apiSecret)
    let event: Awaited<ReturnType<WebhookReceiver['receive']>>
    try {
      event = await receiver.receive(body, c.req.header('authorization'))
    } catch {
      throw new HTTPException(401, { message: 'webhook signature refused' })
    }
    if (!event.id) throw new HTTPException(400, { message: 'webhook without an id' })
    if (!(await firstDelivery(await services.data(), event.id, now())))
      return c.json({ duplicate: true })
    const sessionId = event.room ? sessionOfVideoRoom(event.room.name) : null
    const identity = event.participant?.identity
    const data = await services.data()
    const person = sessionId && identity ? await personOfIdentity(data, sessionId, identity) : null
    // LiveKit's event time (seconds), or ours when it gives none.
    const at = event.createdAt ? Number(event.createdAt) * 1000 : now()
    if (person && event.event === 'participant_joined') {
      await callJoined(data, identity!, at)
    } else if (person && event.event === 'participant_left') {
      await callLeft(data, identity!, at)
    }
    // The facilitators' list of who is in the room shows who is in the call.
    if (person && sessionId) await publishRoomState(services, sessionId)
    log.debug({ event: event.event, known: person !== null }, 'video: webhook taken')
    return c.json({ ok: true })
  })

  return app
}
