import { afterEach, describe, expect, it } from 'vitest'
import { bareSyncServer } from './test/bareSyncServer.ts'
import * as Y from 'yjs'
import type { DocName } from '../../shared/documents/docName.ts'
import { encodeAckRequest } from '../../shared/sync/ackMessages.ts'
import { FanoutHub } from '../fanout/InProcessFanout.ts'
import type { FanoutHandlers } from '../fanout/Fanout.ts'
import type { DocStore } from '../store/DocStore.ts'
import { SqliteDocStore } from '../store/SqliteDocStore.ts'
import { eventually } from '../test/connectProvider.ts'
import { encodeUpdate } from './encodeFrames.ts'
import type { SyncServer } from './SyncServer.ts'
import type { Transport } from './SyncConnection.ts'

const name = 'link/doc' as DocName
const ignore: FanoutHandlers = {
  update: () => {},
  presence: () => {},
  access: () => {},
  resync: () => {},
}
const tick = () => new Promise((resolve) => setImmediate(resolve))

/** An update by another writer, and the one that writer made next (it depends on the first). */
function twoEdits(first: string, second: string): [Uint8Array, Uint8Array] {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  doc.getText('t').insert(0, first)
  doc.getText('t').insert(first.length, second)
  return [updates[0]!, updates[1]!]
}

describe('an instance linked to others', () => {
  let sync: SyncServer | undefined
  afterEach(async () => {
    await sync?.close()
    sync = undefined
  })

  /** One instance under test, on `store`, and the other instance's end of the link. */
  async function linked(store: DocStore) {
    sync = bareSyncServer(store, 0)
    const hub = new FanoutHub()
    await sync.link((handlers) => hub.fanout(handlers))
    return { sync, other: hub.fanout(ignore) }
  }

  it('keeps what another instance relays while the document loads, and applies it once loaded', async () => {
    const store = new SqliteDocStore({ path: ':memory:' })
    let loads = 0
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const gated: DocStore = {
      load: async (doc) => {
        loads++
        await gate
        return store.load(doc)
      },
      append: (entries) => store.append(entries),
      compact: (doc, snapshot, upTo) => store.compact(doc, snapshot, upTo),
      delete: (doc) => store.delete(doc),
      names: (prefix) => store.names(prefix),
      close: () => store.close(),
    }
    const { sync, other } = await linked(gated)
    const reserving = sync.reserve(name)
    await tick()
    const [hello] = twoEdits('hello', '')
    other.publishUpdate(name, hello)
    await tick()
    await tick()
    release()
    const room = await reserving
    expect(room.doc.getText('t').toString()).toBe('hello')
    // Applied from what was kept, not read again from the store.
    expect(loads).toBe(1)
    sync.release(room)
  })

  it('folds its log only after applying what the store holds, so no other instance row is lost', async () => {
    const store = new SqliteDocStore({ path: ':memory:' })
    const { sync } = await linked(store)
    await sync.serverWrite(name, (doc) => doc.getText('t').insert(0, 'A1 '))
    await sync.drain()
    // Another instance commits a row whose relay has not arrived here (yet)...
    const [theirs] = twoEdits('B1 ', '')
    await store.append([{ doc: name, update: theirs }])
    // ... and this instance commits after it, so its newest place is past that row.
    await sync.serverWrite(name, (doc) => doc.getText('t').insert(0, 'A2 '))
    await sync.drain()
    await sync.compactNow(name)
    const after = new Y.Doc()
    const stored = await store.load(name)
    for (const row of [stored.snapshot!, ...stored.updates]) Y.applyUpdate(after, row)
    expect(after.getText('t').toString()).toContain('B1')
    expect(stored.updates).toHaveLength(0)
  })

  it('waits for a relayed update whose dependency is not here yet, reads it from the store, and keeps taking edits', async () => {
    const store = new SqliteDocStore({ path: ':memory:' })
    const { sync, other } = await linked(store)
    const room = await sync.reserve(name)
    const writes: Uint8Array[] = []
    const transport: Transport = {
      send: (frame) => void writes.push(frame),
      sendWith: (own, frame) => void writes.push(own, frame),
      close: () => {},
      bufferedAmount: 0,
    }
    const member = sync.attach({
      room,
      principal: { kind: 'token', id: 'm', grants: [], expiresAt: Date.now() + 60_000 },
      access: 'write',
      transport,
    })
    member.receive(encodeAckRequest())
    const [first, second] = twoEdits('lost ', 'found')
    other.publishUpdate(name, second)
    await eventually(() => room.hasPendingStructs, 'the relayed update waiting')
    // A member's own edit is still taken while it waits.
    const mine = new Y.Doc()
    mine.getText('u').insert(0, 'mine')
    member.receive(encodeUpdate(Y.encodeStateAsUpdate(mine)))
    expect(member.closed).toBe(false)
    // Its instance commits the first edit; this one finds it in the store.
    await store.append([{ doc: name, update: first }])
    await eventually(() => !room.hasPendingStructs, 'the dependency read from the store')
    expect(room.doc.getText('t').toString()).toBe('lost found')
    expect(room.doc.getText('u').toString()).toBe('mine')
  })

  it('opens a document while Redis is away, and follows it once Redis is back', async () => {
    const store = new SqliteDocStore({ path: ':memory:' })
    const hub = new FanoutHub()
    let away = true
    let handlers!: FanoutHandlers
    sync = bareSyncServer(store, 0)
    await sync.link((h) => {
      handlers = h
      const fanout = hub.fanout(h)
      const follow = fanout.follow.bind(fanout)
      fanout.follow = (doc) => (away ? Promise.reject(new Error('redis away')) : follow(doc))
      return fanout
    })
    const room = await sync.reserve(name)
    const other = hub.fanout(ignore)
    const [hello] = twoEdits('hello', '')
    away = false
    handlers.resync()
    await eventually(async () => {
      other.publishUpdate(name, hello)
      await tick()
      return room.doc.getText('t').toString() === 'hello'
    }, 'a relayed update, once subscribed again')
    sync.release(room)
  })
})
