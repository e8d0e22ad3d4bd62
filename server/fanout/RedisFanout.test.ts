import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterEach, describe, expect, it } from 'vitest'
import type { DocName } from '../../shared/documents/docName.ts'
import { createLogger } from '../log/logger.ts'
import { eventually } from '../test/connectProvider.ts'
import type { AccessEvent, Fanout, FanoutHandlers } from './Fanout.ts'
import { FanoutHub } from './InProcessFanout.ts'
import { RedisFanout } from './RedisFanout.ts'

const REDIS_URL = process.env.HEARTH_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

/** Handlers that record what arrives. */
function recorder() {
  const got = {
    updates: [] as [DocName, number[]][],
    presence: [] as [DocName, number[]][],
    access: [] as AccessEvent[],
    resyncs: 0,
  }
  const handlers: FanoutHandlers = {
    update: (doc, update) => got.updates.push([doc, Array.from(update)]),
    presence: (doc, frame) => got.presence.push([doc, Array.from(frame)]),
    access: (event) => got.access.push(event),
    resync: () => got.resyncs++,
  }
  return { got, handlers }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const open: Fanout[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()))
})

type Make = (handlers: FanoutHandlers) => Promise<Fanout>
const redis: Make = async (handlers) => {
  const fanout = await RedisFanout.connect(REDIS_URL, handlers, createLogger('silent'))
  open.push(fanout)
  return fanout
}
const inProcess = (): Make => {
  const hub = new FanoutHub()
  return async (handlers) => {
    const fanout = hub.fanout(handlers)
    open.push(fanout)
    return fanout
  }
}

for (const [name, make] of [
  ['Redis', () => redis],
  ['in-process', inProcess],
] as const) {
  describe(`Fanout (${name})`, () => {
    it('brings a document’s updates and presence to the other instances that follow it', async () => {
      const connect = make()
      const doc = `fanout/${randomBytes(4).toString('hex')}` as DocName
      const [a, b, c] = [recorder(), recorder(), recorder()]
      const [one, two] = [await connect(a.handlers), await connect(b.handlers)]
      await connect(c.handlers) // follows nothing
      await one.follow(doc)
      await two.follow(doc)
      one.publishUpdate(doc, Uint8Array.of(1, 2))
      one.publishPresence(doc, Uint8Array.of(7))
      await eventually(
        async () => b.got.updates.length === 1 && b.got.presence.length === 1,
        'the update and presence at the other instance',
      )
      expect(b.got.updates).toEqual([[doc, [1, 2]]])
      expect(b.got.presence).toEqual([[doc, [7]]])
      await pause(50)
      // Never back to the sender; nothing to an instance that does not follow the document.
      expect(a.got.updates).toEqual([])
      expect(c.got.updates).toEqual([])
      await two.unfollow(doc)
      one.publishUpdate(doc, Uint8Array.of(3))
      await pause(100)
      expect(b.got.updates).toHaveLength(1)
    })

    it('brings access events to every other instance', async () => {
      const connect = make()
      const [a, b, c] = [recorder(), recorder(), recorder()]
      const one = await connect(a.handlers)
      await connect(b.handlers)
      await connect(c.handlers)
      const event: AccessEvent = {
        kind: 'reauthorize',
        scope: { docPrefix: randomBytes(4).toString('hex') },
      }
      one.publishAccess(event)
      await eventually(
        async () => b.got.access.length === 1 && c.got.access.length === 1,
        'the access event at both others',
      )
      expect(b.got.access).toEqual([event])
      expect(a.got.access).toEqual([])
    })
  })
}

describe('RedisFanout', () => {
  it('drops a message that is not one of ours', async () => {
    const doc = `fanout/${randomBytes(4).toString('hex')}` as DocName
    const b = recorder()
    const two = await redis(b.handlers)
    await two.follow(doc)
    const raw = new Redis(REDIS_URL)
    try {
      await raw.publish(`hearth:doc:${doc}`, Buffer.from('hello'))
      await raw.publish(
        'hearth:access',
        Buffer.concat([Buffer.of(3), randomBytes(16), Buffer.from('{')]),
      )
    } finally {
      raw.disconnect()
    }
    await pause(100)
    expect(b.got).toEqual({ updates: [], presence: [], access: [], resyncs: 0 })
  })

  it('after losing Redis, asks for a resync from the store and follows its documents again', async () => {
    const doc = `fanout/${randomBytes(4).toString('hex')}` as DocName
    const [a, b] = [recorder(), recorder()]
    const one = await redis(a.handlers)
    const name = `hearth-test-${randomBytes(4).toString('hex')}`
    const two = await RedisFanout.connect(REDIS_URL, b.handlers, createLogger('silent'), {
      connectionName: name,
    })
    open.push(two)
    await two.follow(doc)
    // Cut that instance's connections, as a Redis restart would (only its own: other test
    // files may be using Redis meanwhile).
    const admin = new Redis(REDIS_URL)
    try {
      const list = (await admin.client('LIST')) as string
      const ids = list
        .split('\n')
        .filter((line) => line.includes(` name=${name} `))
        .map((line) => /^id=(\d+)/.exec(line)![1]!)
      expect(ids).toHaveLength(2)
      for (const id of ids) await admin.client('KILL', 'ID', id)
    } finally {
      admin.disconnect()
    }
    await eventually(async () => b.got.resyncs >= 1, 'a resync')
    await eventually(async () => {
      one.publishUpdate(doc, Uint8Array.of(5))
      await pause(20)
      return b.got.updates.length > 0
    }, 'updates to flow again')
    expect(b.got.updates[0]).toEqual([doc, [5]])
  })
})
