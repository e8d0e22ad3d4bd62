import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../../clock/clock.ts'
import { chatSession } from '../../chat/test/chatWorld.ts'
import { HttpClient } from '../../test/httpClient.ts'
import type { PrivateRedis } from '../../test/privateRedis.ts'
import { LONG_LOGINS } from '../../test/roomWorld.ts'
import { sharedServices } from '../../test/sharedServices.ts'
import { startTestServer, type TestServer } from '../../test/startTestServer.ts'

const SECRET = 'r'.repeat(40)
const MASTER_KEY = Buffer.alloc(32, 7).toString('base64')

/**
 * Two Hearth instances, as behind a load balancer: each with a data folder of its own, sharing
 * one PostgreSQL schema, a keys schema, one Redis of the test's own (so that it can be killed),
 * their configuration and (in one process) one clock. A member's requests alternate between
 * them, as a balancer without sticky sessions would send them.
 */
describe('rate limits across two instances', () => {
  const cleanups: (() => Promise<unknown> | unknown)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  async function twoInstances(): Promise<{
    one: TestServer
    two: TestServer
    redis: PrivateRedis
    clock: ReturnType<typeof manualClock>
  }> {
    const services = await sharedServices('limits', cleanups)
    const { redis } = services
    const env = {
      ...LONG_LOGINS,
      ...services.env,
      HEARTH_SECRET: SECRET,
      HEARTH_MASTER_KEY: MASTER_KEY,
    }
    const clock = manualClock(Date.UTC(2026, 10, 2, 18))
    const start = async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'hearth-host-'))
      const server = await startTestServer(env, { dataDir, now: clock })
      cleanups.push(() => server.close())
      return server
    }
    // The first makes the tables.
    const one = await start()
    return { one, two: await start(), redis, clock }
  }

  /** The same person (the same login cookie) through the other instance. */
  const through = (server: TestServer, who: HttpClient) =>
    Object.assign(new HttpClient(server.url), { cookie: who.cookie })

  it('a member writing through both instances gets one burst between them, not one each', async () => {
    const { one, two } = await twoInstances()
    const s = await chatSession(one, ['Robin'])
    const robin = s.members[0]!
    const robinAtTwo = through(two, robin)
    const statuses = []
    for (let i = 0; i < 6; i++) {
      statuses.push((await s.post(i % 2 ? robinAtTwo : robin, `message ${i}`)).status)
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429])
    expect((await s.post(robinAtTwo, 'and again')).status).toBe(429)
  })

  it('slow mode holds across instances', async () => {
    const { one, two, clock } = await twoInstances()
    const s = await chatSession(one, ['Robin'])
    const robin = s.members[0]!
    const robinAtTwo = through(two, robin)
    const settings = await s.lead.put(`/api/sessions/${s.sessionId}/chat/settings`, {
      slowSeconds: 30,
    })
    expect(settings.status).toBe(200)
    expect((await s.post(robinAtTwo, 'one')).status).toBe(201)
    clock.advance(10_000)
    const tooSoon = await s.post(robin, 'two')
    expect(tooSoon.status).toBe(429)
    expect(tooSoon.json.error).toMatch(/Slow mode is on: .* in 20 s/)
    expect(tooSoon.headers.get('retry-after')).toBe('20')
    clock.advance(20_000)
    expect((await s.post(robin, 'two')).status).toBe(201)
    expect((await s.post(robinAtTwo, 'three')).status).toBe(429)
  })

  it('with Redis down, each instance still refuses past the burst, and nothing fails', async () => {
    const { one, two, redis } = await twoInstances()
    const s = await chatSession(one, ['Robin'])
    const robin = s.members[0]!
    const robinAtTwo = through(two, robin)
    expect((await s.post(robinAtTwo, 'before')).status).toBe(201)
    await redis.kill()
    const statuses = []
    for (let i = 0; i < 6; i++) statuses.push((await s.post(robin, `message ${i}`)).status)
    // The instance counts on its own: a burst of its own, then refusals, never a 500.
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429])
    const warnings = one.logs.filter((l) => /rate limits/.test(String(l.msg)) && l.level === 40)
    expect(warnings).toHaveLength(1)
    expect(JSON.stringify(warnings)).not.toContain(robin.id)
    expect(one.logs.filter((l) => Number(l.level) >= 50)).toEqual([])
    await redis.start()
  })
})
