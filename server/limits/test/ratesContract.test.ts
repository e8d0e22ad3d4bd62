import { randomBytes } from 'node:crypto'
import { Writable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { manualClock, type ManualClock } from '../../clock/clock.ts'
import { createLogger } from '../../log/logger.ts'
import { localRates } from '../localRates.ts'
import type { Rates } from '../Rates.ts'
import { redisRates } from '../redisRates.ts'

const REDIS_URL = process.env.HEARTH_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const RATE = { perSecond: 0.5, burst: 3 }

const open: Rates[] = []
/** What the limiters logged: Redis must answer every call itself, not its local fallback. */
const logged: unknown[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((rates) => rates.close()))
  expect(logged.splice(0)).toEqual([])
})
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    logged.push(chunk.toString('utf8'))
    done()
  },
})

type Make = (clock: ManualClock) => Promise<Rates>
const implementations: [string, Make][] = [
  ['in memory', (clock) => Promise.resolve(localRates(clock))],
  [
    'Redis',
    (clock) =>
      redisRates(REDIS_URL, { secret: 'contract', now: clock, log: createLogger('info', sink) }),
  ],
]

describe.each(implementations)('Rates (%s)', (_name, make) => {
  /** A fresh clock and limiter, and a kind of its own (the machine's Redis is shared). */
  async function fresh() {
    const clock = manualClock(Date.UTC(2026, 2, 4, 18))
    const rates = await make(clock)
    open.push(rates)
    return { clock, rates, kind: `contract-${randomBytes(4).toString('hex')}` }
  }
  const takeTimes = async (rates: Rates, kind: string, key: string, times: number) => {
    const answers: boolean[] = []
    for (let i = 0; i < times; i++) answers.push(await rates.take(kind, key, RATE))
    return answers
  }

  it('gives the burst, then refuses, then refills at the rate on the server clock', async () => {
    const { clock, rates, kind } = await fresh()
    expect(await takeTimes(rates, kind, 'robin', 4)).toEqual([true, true, true, false])
    clock.advance(1_999)
    expect(await rates.take(kind, 'robin', RATE)).toBe(false)
    clock.advance(1)
    expect(await takeTimes(rates, kind, 'robin', 2)).toEqual([true, false])
    // Never more than the burst, however long the wait.
    clock.advance(3_600_000)
    expect(await takeTimes(rates, kind, 'robin', 4)).toEqual([true, true, true, false])
  })

  it('a clock that goes back neither adds tokens nor takes them away', async () => {
    const { clock, rates, kind } = await fresh()
    expect(await takeTimes(rates, kind, 'robin', 3)).toEqual([true, true, true])
    clock.advance(-60_000)
    expect(await rates.take(kind, 'robin', RATE)).toBe(false)
    clock.advance(60_000 + 2_000)
    expect(await takeTimes(rates, kind, 'robin', 2)).toEqual([true, false])
  })

  it('keeps each key of each kind apart', async () => {
    const { rates, kind } = await fresh()
    const other = `${kind}-other`
    expect(await takeTimes(rates, kind, 'robin', 4)).toEqual([true, true, true, false])
    expect(await takeTimes(rates, kind, 'sky', 4)).toEqual([true, true, true, false])
    expect(await takeTimes(rates, other, 'robin', 4)).toEqual([true, true, true, false])
    // A bucket and a claim of the same kind and key are two things.
    expect(await rates.claimQuiet(kind, 'robin', 30_000)).toBe(0)
    expect(await rates.take(kind, 'sky', RATE)).toBe(false)
  })

  it('claims quiet once per wait, says how long is left, and honours a shorter wait at once', async () => {
    const { clock, rates, kind } = await fresh()
    expect(await rates.claimQuiet(kind, 'robin', 30_000)).toBe(0)
    clock.advance(10_000)
    expect(await rates.claimQuiet(kind, 'robin', 30_000)).toBe(20_000)
    // A refusal is no claim: the wait still runs from the first.
    clock.advance(19_999)
    expect(await rates.claimQuiet(kind, 'robin', 30_000)).toBe(1)
    expect(await rates.claimQuiet(kind, 'sky', 30_000)).toBe(0)
    clock.advance(1)
    expect(await rates.claimQuiet(kind, 'robin', 30_000)).toBe(0)
    clock.advance(12_000)
    expect(await rates.claimQuiet(kind, 'robin', 10_000)).toBe(0)
    expect(await rates.claimQuiet(kind, 'robin', 10_000)).toBe(10_000)
  })

  it('takes from one bucket once per token when asked all at once', async () => {
    const { rates, kind } = await fresh()
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => rates.take(kind, 'robin', RATE)),
    )
    expect(answers.filter(Boolean)).toHaveLength(RATE.burst)
  })
})
