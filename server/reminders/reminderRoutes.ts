import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { appendAudit } from '../audit/audit.ts'
import { newId } from '../db/newId.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { requireMember } from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import { isPushEndpoint } from './pushEndpoint.ts'

/** Devices one member may have reminders on: phones, laptops, a tablet, with room to spare. */
const MAX_DEVICES = 10

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
  const { db, now, push } = services
  const app = new Hono<AppEnv>()
  const devices = (memberId: string) =>
    (
      db.sql
        .prepare('SELECT COUNT(*) AS n FROM push_subscriptions WHERE member_id = ?')
        .get(memberId) as { n: number }
    ).n

  app.get('/member/reminders', (c) => {
    const member = requireMember(c)
    return c.json({ publicKey: push.keys.publicKey, devices: devices(member.id) })
  })

  app.post('/member/reminders', async (c) => {
    const member = requireMember(c)
    const { endpoint, keys } = await parseBody(c, subscription)
    if (!isPushEndpoint(endpoint, push.extraOrigins)) {
      throw new HTTPException(400, { message: 'This is not a browser push address.' })
    }
    db.transaction(() => {
      // The same device again (or handed to someone else): one subscription per endpoint.
      db.sql.prepare('DELETE FROM push_subscriptions WHERE endpoint = ?').run(endpoint)
      if (devices(member.id) >= MAX_DEVICES) {
        throw new HTTPException(409, {
          message: `Reminders are on for ${MAX_DEVICES} devices already: turn one off first.`,
        })
      }
      db.sql
        .prepare(
          'INSERT INTO push_subscriptions (id, member_id, endpoint, p256dh, auth, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(newId('push'), member.id, endpoint, keys.p256dh, keys.auth, now())
      appendAudit(db, { actor: member, action: 'reminders.on', groupId: member.groupId }, now())
    })
    return c.json({ ok: true, devices: devices(member.id) }, 201)
  })

  app.post('/member/reminders/off', async (c) => {
    const member = requireMember(c)
    const { endpoint } = await parseBody(c, endpointOnly)
    const removed = db.sql
      .prepare('DELETE FROM push_subscriptions WHERE endpoint = ? AND member_id = ?')
      .run(endpoint, member.id)
    if (removed.changes > 0) {
      appendAudit(db, { actor: member, action: 'reminders.off', groupId: member.groupId }, now())
    }
    return c.json({ ok: true, devices: devices(member.id) })
  })

  return app
}
