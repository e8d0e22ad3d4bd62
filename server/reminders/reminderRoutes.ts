import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { audit } from '../audit/audit.ts'
import { atomically } from '../data/Data.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { requireMember } from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import { addPushSubscription, devicesOf, MAX_DEVICES } from './addPushSubscription.ts'
import { isPushEndpoint } from './pushEndpoint.ts'

const base64url = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .refine((v) => Buffer.from(v, 'base64url').length === bytes, `must be ${bytes} bytes`)

const subscription = z
  .object({
    endpoint: z.string().max(2048),
    keys: z.object({ p256dh: base64url(65), auth: base64url(16) }).strict(),
  })
  .strict()
const endpointOnly = z.object({ endpoint: z.string().max(2048) }).strict()

/**
 * Reminders without email: a member opts in per device (the browser's push subscription),
 * and can stop on that device at any time. The server's VAPID public key is what the browser
 * subscribes with.
 */
export function reminderRoutes(services: Services) {
  const { now, push } = services
  const app = new Hono<AppEnv>()
  const devices = async (memberId: string) => devicesOf(await services.data(), memberId)

  app.get('/member/reminders', async (c) => {
    const member = requireMember(c)
    return c.json({ publicKey: push.keys.publicKey, devices: await devices(member.id) })
  })

  app.post('/member/reminders', async (c) => {
    const member = requireMember(c)
    const { endpoint, keys } = await parseBody(c, subscription)
    if (!isPushEndpoint(endpoint, push.extraOrigins)) {
      throw new HTTPException(400, { message: 'This is not a browser push address.' })
    }
    const device = { endpoint, p256dh: keys.p256dh, auth: keys.auth }
    if (!(await addPushSubscription(await services.data(), member, device, now()))) {
      throw new HTTPException(409, {
        message: `Reminders are on for ${MAX_DEVICES} devices already: turn one off first.`,
      })
    }
    return c.json({ ok: true, devices: await devices(member.id) }, 201)
  })

  app.post('/member/reminders/off', async (c) => {
    const member = requireMember(c)
    const { endpoint } = await parseBody(c, endpointOnly)
    await atomically(await services.data(), async (trx) => {
      const removed = await trx
        .deleteFrom('push_subscriptions')
        .where('endpoint', '=', endpoint)
        .where('member_id', '=', member.id)
        .executeTakeFirst()
      if (Number(removed.numDeletedRows) > 0) {
        await audit(trx, { actor: member, action: 'reminders.off', groupId: member.groupId }, now())
      }
    })
    return c.json({ ok: true, devices: await devices(member.id) })
  })

  return app
}
