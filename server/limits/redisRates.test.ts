import { randomBytes } from 'node:crypto'
import { Writable } from 'node:stream'
import { Redis } from 'ioredis'
import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../clock/clock.ts'
import { createLogger } from '../log/logger.ts'
import { eventually } from '../test/connectProvider.ts'
import { privateRedis } from '../test/privateRedis.ts'
import type { Rates } from './Rates.ts'
import { redisRates } from './redisRates.ts'

const REDIS_URL = process.env.HEARTH_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const RATE = { perSecond: 0.5, burst: 3 }
const start = Date.UTC(2026, 2, 4, 18)

const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A limiter on `url` whose log lines the test reads. */
async function limiter(url: string, clock = manualClock(start), secret = 'redis-rates') {
  const logs: Record<string, unknown>[] = []
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line) logs.push(JSON.parse(line))
      done()
    },
  })
  const rates = await redisRates(url, { secret, now: clock, log: createLogger('info', sink) })
  cleanups.push(() => rates.close())
  return { rates, clock, logs }
}

async function inspector(url: string) {
  const redis = new Redis(url)
  cleanups.push(() => redis.quit())
  return redis
}

const takeTimes = async (rates: Rates, kind: string, key: string, times: number) => {
  const answers: boolean[] = []
  for (let i = 0; i < times; i++) answers.push(await rates.take(kind, key, RATE))
  return answers
}

describe('redisRates', () => {
  it('keeps every key under an HMAC of it, with an expiry: no address or id in clear, nothing forever', async () => {
    const { rates } = await limiter(REDIS_URL)
    const kind = `hashed-${randomBytes(4).toString('hex')}`
    const raw = ['203.0.113.7', 'm_robin_0123456789', 's_week1:m_robin_0123456789']
    await rates.take(kind, raw[0]!, RATE)
    await rates.take(kind, raw[1]!, RATE)
    await rates.claimQuiet(kind, raw[2]!, 30_000)
    const redis = await inspector(REDIS_URL)
    const names = await redis.keys(`hearth:rate:*${kind}:*`)
    expect(names).toHaveLength(3)
    for (const name of names) {
      const held =
        (await redis.type(name)) === 'hash' ? await redis.hgetall(name) : await redis.get(name)
      const stored = name + JSON.stringify(held)
      for (const text of raw) expect(stored).not.toContain(text)
      expect(stored).not.toContain('robin')
      const pttl = await redis.pttl(name)
      expect(pttl).toBeGreaterThan(0)
      // A bucket is forgotten once full again (3 tokens at 0.5 a second); a claim after its wait.
      expect(pttl).toBeLessThanOrEqual((await redis.type(name)) === 'hash' ? 6_000 : 30_000)
    }
  })

  it('instances on one Redis and one secret share each bucket and each claim', async () => {
    const clock = manualClock(start)
    const [one, two] = [await limiter(REDIS_URL, clock), await limiter(REDIS_URL, clock)]
    const kind = `shared-${randomBytes(4).toString('hex')}`
    const answers = []
    for (let i = 0; i < 4; i++)
      answers.push(await (i % 2 ? two : one).rates.take(kind, 'robin', RATE))
    expect(answers).toEqual([true, true, true, false])
    expect(await one.rates.claimQuiet(kind, 'robin', 30_000)).toBe(0)
    clock.advance(5_000)
    expect(await two.rates.claimQuiet(kind, 'robin', 30_000)).toBe(25_000)
    // Another secret is another deployment: its keys are not these.
    const other = await limiter(REDIS_URL, clock, 'another deployment')
    expect(await other.rates.take(kind, 'robin', RATE)).toBe(true)
  })

  it('when Redis fails, counts on this instance (the limit still holds) and warns once a minute', async () => {
    const redis = await privateRedis()
    cleanups.push(() => redis.kill())
    const { rates, clock, logs } = await limiter(redis.url)
    const kind = 'down'
    expect(await takeTimes(rates, kind, 'robin', 2)).toEqual([true, true])
    await redis.kill()
    // The instance's own bucket is fresh: the burst, then refusals, answered at once.
    const before = performance.now()
    expect(await takeTimes(rates, kind, 'robin', 6)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ])
    expect(await rates.claimQuiet(kind, 'robin', 30_000)).toBe(0)
    expect(await rates.claimQuiet(kind, 'robin', 30_000)).toBe(30_000)
    expect(performance.now() - before).toBeLessThan(1_000)
    const warnings = () => logs.filter((l) => l.level === 40)
    expect(warnings()).toHaveLength(1)
    expect(JSON.stringify(logs)).not.toContain('robin')
    clock.advance(60_000)
    expect(await rates.take(kind, 'robin', RATE)).toBe(true)
    expect(warnings()).toHaveLength(2)

    await redis.start()
    await eventually(
      () => logs.some((l) => /redis is back/.test(String(l.msg))),
      'the limiter back on Redis',
    )
    // Redis kept nothing (its own data went with it): a fresh bucket there.
    expect(await takeTimes(rates, kind, 'robin', 4)).toEqual([true, true, true, false])
  })

  it('starts when Redis is unreachable, counting on this instance until it is there', async () => {
    const redis = await privateRedis()
    cleanups.push(() => redis.kill())
    await redis.kill()
    const { rates, logs } = await limiter(redis.url)
    expect(await takeTimes(rates, 'away', 'robin', 4)).toEqual([true, true, true, false])
    expect(logs.filter((l) => l.level === 40)).toHaveLength(1)
    await redis.start()
    await eventually(
      () => logs.some((l) => /redis is back/.test(String(l.msg))),
      'the limiter on Redis once it is there',
    )
    expect(await takeTimes(rates, 'away', 'robin', 4)).toEqual([true, true, true, false])
  })
})
