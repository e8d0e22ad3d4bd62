import { afterEach, describe, expect, it, vi } from 'vitest'
import { bareSyncServer } from './bareSyncServer.ts'
import * as Y from 'yjs'
import type { DocName } from '../../../shared/documents/docName.ts'
import { decodeAck, encodeAckRequest } from '../../../shared/sync/ackMessages.ts'
import { SqliteDocStore } from '../../store/SqliteDocStore.ts'
import { encodeUpdate } from '../encodeFrames.ts'
import { ACK_BY_MS, ACK_RIDE_MS, type SyncConnection, type Transport } from '../SyncConnection.ts'
import type { SyncServer } from '../SyncServer.ts'

/** What a connection's transport was asked to write, one entry per write. */
type Write = { frames: Uint8Array[]; at: number }

function recordingTransport(writes: Write[]): Transport {
  return {
    send: (frame) => void writes.push({ frames: [frame], at: performance.now() }),
    sendWith: (own, frame) => void writes.push({ frames: [own, frame], at: performance.now() }),
    close: () => {},
    bufferedAmount: 0,
  }
}

describe('acknowledgements', () => {
  let sync: SyncServer | undefined
  afterEach(async () => {
    await sync?.close()
    sync = undefined
  })

  async function room(members: number) {
    sync = bareSyncServer(new SqliteDocStore({ path: ':memory:' }), 5)
    const people: { connection: SyncConnection; writes: Write[]; doc: Y.Doc }[] = []
    for (let i = 0; i < members; i++) {
      const writes: Write[] = []
      const connection = sync.attach({
        room: await sync.reserve('ack/riding' as DocName),
        principal: { kind: 'token', id: `m${i}`, grants: [], expiresAt: Date.now() + 60_000 },
        access: 'write',
        transport: recordingTransport(writes),
      })
      connection.receive(encodeAckRequest())
      people.push({ connection, writes, doc: new Y.Doc() })
    }
    return people
  }

  function type(person: { connection: SyncConnection; doc: Y.Doc }, text: string) {
    let update: Uint8Array | null = null
    const take = (u: Uint8Array) => (update = u)
    person.doc.on('update', take)
    person.doc.getText('t').insert(0, text)
    person.doc.off('update', take)
    person.connection.receive(encodeUpdate(update!))
  }

  const acksIn = (writes: Write[]) =>
    writes.flatMap((w) => w.frames.map(decodeAck).filter((count) => count !== null))

  it('ride the next frame to their client, in the same write', async () => {
    const [ana, bea] = await room(2)
    type(ana!, 'ana ')
    await sync!.drain()
    // Durable, but nothing else has gone to Ana yet: the ack waits.
    expect(acksIn(ana!.writes)).toEqual([])
    const before = ana!.writes.length
    type(bea!, 'bea ')
    await new Promise((resolve) => setImmediate(resolve))
    const write = ana!.writes[before]!
    expect(write.frames).toHaveLength(2)
    expect(decodeAck(write.frames[0]!)).toBe(1)
    expect(ana!.writes).toHaveLength(before + 1)
  })

  it('go alone when nothing else is sent to the client within ACK_RIDE_MS', async () => {
    const [ana] = await room(1)
    type(ana!, 'alone ')
    await sync!.drain()
    const durableAt = performance.now()
    await new Promise((resolve) => setTimeout(resolve, ACK_RIDE_MS * 3))
    const acks = ana!.writes.filter((w) => w.frames.some((f) => decodeAck(f) !== null))
    expect(acks).toHaveLength(1)
    expect(acks[0]!.frames).toHaveLength(1)
    expect(decodeAck(acks[0]!.frames[0]!)).toBe(1)
    expect(acks[0]!.at - durableAt).toBeGreaterThan(ACK_RIDE_MS / 2)
  })

  it('ride no longer than ACK_BY_MS after the edit they cover began (the pace may stretch)', async () => {
    const [ana, bea] = await room(2)
    // An edit already ACK_BY_MS old when it became durable: its ack goes at once, alone.
    ana!.connection.sendAck(1, performance.now() - ACK_BY_MS)
    expect(acksIn(ana!.writes)).toEqual([1])
    // One 10 ms short of it: after 10 ms, not ACK_RIDE_MS (fake time: exact on a busy machine).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    try {
      bea!.connection.sendAck(2, performance.now() - (ACK_BY_MS - 10))
      await vi.advanceTimersByTimeAsync(9)
      expect(acksIn(bea!.writes)).toEqual([])
      await vi.advanceTimersByTimeAsync(2)
      expect(acksIn(bea!.writes)).toEqual([2])
    } finally {
      vi.useRealTimers()
    }
  })

  it('that are owed are sent before the connection closes', async () => {
    const [ana] = await room(1)
    type(ana!, 'closing ')
    await sync!.drain()
    expect(acksIn(ana!.writes)).toEqual([])
    ana!.connection.close(4000, 'going')
    expect(acksIn(ana!.writes)).toEqual([1])
  })
})
