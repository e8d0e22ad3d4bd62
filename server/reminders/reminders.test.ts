import { createECDH, randomBytes } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import ece from 'http_ece'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { manualClock, type ManualClock } from '../clock/clock.ts'
import { facilitator, groupBody, member, scheduleSession } from '../test/groupWorld.ts'
import { LONG_LOGINS, startsAtOf } from '../test/roomWorld.ts'
import { startTestServer, type TestServer } from '../test/startTestServer.ts'
import { reminderText } from './sendReminders.ts'
import { checkVapid } from './test/checkVapid.ts'

const START = Date.UTC(2031, 5, 10, 8)

interface Received {
  path: string
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

/** A push service of our own: records each request, answers 201 (or 410 for `/gone/…`). */
async function testPushService(): Promise<{
  origin: string
  received: Received[]
  server: Server
}> {
  const received: Received[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      received.push({ path: req.url!, headers: req.headers, body: Buffer.concat(chunks) })
      res.statusCode = req.url!.startsWith('/gone/') ? 410 : 201
      res.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { origin: `http://127.0.0.1:${port}`, received, server }
}

/** A browser's side of a subscription: its keys, to decrypt what the server sent. */
function device(origin: string, path: string) {
  const ecdh = createECDH('prime256v1')
  ecdh.generateKeys()
  const auth = randomBytes(16)
  return {
    subscription: {
      endpoint: `${origin}${path}`,
      keys: {
        p256dh: ecdh.getPublicKey().toString('base64url'),
        auth: auth.toString('base64url'),
      },
    },
    decrypt: (body: Buffer) =>
      ece.decrypt(body, { version: 'aes128gcm', privateKey: ecdh, authSecret: auth }).toString(),
  }
}

/** Checks a VAPID header as a push service does: signature, audience, expiry, key. */

describe('reminders without email', () => {
  let push: Awaited<ReturnType<typeof testPushService>>
  let server: TestServer
  let clock: ManualClock
  beforeEach(async () => {
    push = await testPushService()
    clock = manualClock(START)
    server = await startTestServer(
      { ...LONG_LOGINS, HEARTH_PUSH_EXTRA_ORIGINS: push.origin },
      { now: clock },
    )
  })
  afterEach(async () => {
    await server.close()
    push.server.close()
  })

  it('reach each opted-in device once, an hour before, neutrally, signed; stop when turned off', async () => {
    const lead = await facilitator(server, 'lead@x.example', 'Dr Lead')
    const groupId = (await lead.post('/api/groups', groupBody('Grief after loss'))).json
      .id as string
    const robin = await member(server, lead, groupId, 'Robin')
    const sky = await member(server, lead, groupId, 'Sky')
    const sessionId = await scheduleSession(server, lead, groupId)
    const startsAt = await startsAtOf(server, sessionId)

    const { publicKey } = (await robin.get('/api/member/reminders')).json
    expect(Buffer.from(publicKey, 'base64url')).toHaveLength(65)
    const phone = device(push.origin, '/push/robin-phone')
    const laptop = device(push.origin, '/push/robin-laptop')
    for (const d of [phone, laptop]) {
      expect((await robin.post('/api/member/reminders', d.subscription)).status).toBe(201)
    }
    // The same device again is still one device.
    const again = await robin.post('/api/member/reminders', phone.subscription)
    expect(again.json.devices).toBe(2)
    // Not a push service, or not a subscription: refused, nothing stored.
    const elsewhere = device('https://attacker.example', '/x')
    expect((await robin.post('/api/member/reminders', elsewhere.subscription)).status).toBe(400)
    const internal = device('http://127.0.0.1:1', '/admin')
    expect((await robin.post('/api/member/reminders', internal.subscription)).status).toBe(400)
    expect(
      (await robin.post('/api/member/reminders', { endpoint: phone.subscription.endpoint })).status,
    ).toBe(400)
    expect((await lead.post('/api/member/reminders', phone.subscription)).status).toBe(403)

    // Too early: nothing.
    clock.set(startsAt - 61 * 60_000)
    await server.runJobs()
    expect(push.received).toHaveLength(0)

    // An hour before: each of Robin's devices once; Sky opted in nowhere.
    clock.set(startsAt - 60 * 60_000)
    await server.runJobs()
    expect(push.received.map((r) => r.path).sort()).toEqual([
      '/push/robin-laptop',
      '/push/robin-phone',
    ])
    for (const request of push.received) {
      const endpoint = `${push.origin}${request.path}`
      checkVapid(String(request.headers.authorization), endpoint, publicKey, clock())
      expect(request.headers['content-encoding']).toBe('aes128gcm')
      const d = request.path.endsWith('phone') ? phone : laptop
      const message = JSON.parse(d.decrypt(request.body))
      expect(message).toEqual({ title: 'Hearth', body: 'Your group meets in 1 hour', url: '/' })
      // Nothing on the lock screen says what the group is about.
      expect(JSON.stringify(message)).not.toMatch(/grief|loss|Robin/i)
      expect(Number(request.headers.ttl)).toBeGreaterThan(0)
    }
    // Ran again: not twice.
    clock.advance(60_000)
    await server.runJobs()
    expect(push.received).toHaveLength(2)

    // Turned off on the phone: the next session reminds the laptop only.
    expect(
      (await robin.post('/api/member/reminders/off', { endpoint: phone.subscription.endpoint }))
        .json.devices,
    ).toBe(1)
    // Sky cannot turn off Robin's device.
    await sky.post('/api/member/reminders/off', { endpoint: laptop.subscription.endpoint })
    const next = await scheduleSession(server, lead, groupId)
    const nextStart = await startsAtOf(server, next)
    clock.set(nextStart - 30 * 60_000)
    await server.runJobs()
    expect(push.received.slice(2).map((r) => r.path)).toEqual(['/push/robin-laptop'])
    expect(JSON.parse(laptop.decrypt(push.received[2]!.body)).body).toBe(
      'Your group meets in 30 minutes',
    )
    // The log says how many, not to whom or what.
    expect(server.logs.filter((l) => l.msg === 'reminders sent')).toEqual([
      expect.objectContaining({ sent: 2, gone: 0, failed: 0 }),
      expect.objectContaining({ sent: 1, gone: 0, failed: 0 }),
    ])
  })

  it('forget a device the push service says is gone, and a member who leaves', async () => {
    const lead = await facilitator(server, 'lead@x.example', 'Dr Lead')
    const groupId = (await lead.post('/api/groups', groupBody('G'))).json.id as string
    const robin = await member(server, lead, groupId, 'Robin')
    const gone = device(push.origin, '/gone/old-phone')
    await robin.post('/api/member/reminders', gone.subscription)
    const sessionId = await scheduleSession(server, lead, groupId)
    const startsAt = await startsAtOf(server, sessionId)
    clock.set(startsAt - 50 * 60_000)
    await server.runJobs()
    expect(push.received).toHaveLength(1)
    expect((await robin.get('/api/member/reminders')).json.devices).toBe(0)

    const phone = device(push.origin, '/push/phone')
    await robin.post('/api/member/reminders', phone.subscription)
    await robin.post('/api/member/erase', { confirm: 'erase' })
    const left = await (
      await server.services.data()
    )
      .selectFrom('push_subscriptions')
      .select('id')
      .execute()
    expect(left).toHaveLength(0)
  })

  it('say the time left in words', () => {
    expect(reminderText(60 * 60_000)).toBe('Your group meets in 1 hour')
    expect(reminderText(56 * 60_000)).toBe('Your group meets in 1 hour')
    expect(reminderText(20 * 60_000)).toBe('Your group meets in 20 minutes')
  })
})
