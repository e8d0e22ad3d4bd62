import * as decoding from 'lib0/decoding'
import { describe, expect, it, vi } from 'vitest'
import { applyAwarenessUpdate, Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { encodeAwarenessFrame } from './encodeFrames.ts'
import type { AwarenessEntry } from './parseFrame.ts'
import { RoomAwareness } from './RoomAwareness.ts'

describe('RoomAwareness', () => {
  it('keeps newer clocks and relays only changes', () => {
    const room = new RoomAwareness<string>()
    expect(room.apply('a', [{ clientId: 1, clock: 1, json: '{"x":1}' }])).toHaveLength(1)
    expect(room.apply('a', [{ clientId: 1, clock: 1, json: '{"x":2}' }])).toHaveLength(0)
    expect(room.apply('a', [{ clientId: 1, clock: 0, json: '{"x":3}' }])).toHaveLength(0)
    expect(room.apply('a', [{ clientId: 1, clock: 2, json: '{"x":4}' }])).toHaveLength(1)
    expect(room.all()).toEqual([{ clientId: 1, clock: 2, json: '{"x":4}' }])
  })

  it("[C9] a connection cannot overwrite or remove another connection's presence", () => {
    const room = new RoomAwareness<string>()
    room.apply('a', [{ clientId: 1, clock: 1, json: '{"name":"Ana"}' }])
    expect(room.apply('b', [{ clientId: 1, clock: 9, json: '{"name":"Facilitator"}' }])).toEqual([])
    expect(room.apply('b', [{ clientId: 1, clock: 9, json: 'null' }])).toEqual([])
    expect(room.all()).toEqual([{ clientId: 1, clock: 1, json: '{"name":"Ana"}' }])
  })

  it('lets the same person take over their live client id (a reconnect), and no one else', () => {
    const room = new RoomAwareness<string>()
    room.apply('old', [{ clientId: 1, clock: 5, json: '{"v":1}' }], 'member:m1')
    expect(room.apply('other', [{ clientId: 1, clock: 1, json: '{"v":2}' }], 'member:m2')).toEqual(
      [],
    )
    expect(
      room.apply('new', [{ clientId: 1, clock: 0, json: '{"v":3}' }], 'member:m1'),
    ).toHaveLength(1)
    // The old socket leaving no longer removes the state the new one holds.
    expect(room.removeOwner('old')).toEqual([])
    expect(room.all()).toEqual([{ clientId: 1, clock: 0, json: '{"v":3}' }])
  })

  it('removes the states of a connection that left', () => {
    const room = new RoomAwareness<string>()
    room.apply('a', [{ clientId: 1, clock: 3, json: '{}' }])
    room.apply('b', [{ clientId: 2, clock: 1, json: '{}' }])
    expect(room.removeOwner('a')).toEqual([{ clientId: 1, clock: 3, json: 'null' }])
    expect(room.size).toBe(1)
  })

  it('a peer sees a person again as soon as they renew their state on a new socket', () => {
    const room = new RoomAwareness<string>()
    const peer = new Awareness(new Y.Doc())
    // What the server sends is an awareness frame; y-protocols takes its payload.
    const deliver = (entries: AwarenessEntry[]) => {
      const decoder = decoding.createDecoder(encodeAwarenessFrame(entries))
      decoding.readVarUint(decoder)
      applyAwarenessUpdate(peer, decoding.readVarUint8Array(decoder), 'server')
    }
    deliver(room.apply('first socket', [{ clientId: 7, clock: 5, json: '{"name":"Bea"}' }]))
    deliver(room.removeOwner('first socket'))
    expect(peer.getStates().has(7)).toBe(false)
    // Back on a new socket, the client renews its state at the next clock (openSyncedDoc).
    deliver(room.apply('second socket', [{ clientId: 7, clock: 6, json: '{"name":"Bea"}' }]))
    expect(peer.getStates().get(7)).toEqual({ name: 'Bea' })
    peer.destroy()
  })

  it("[C9] another instance's states never overwrite this one's, and go stale when not renewed", () => {
    vi.useFakeTimers({ toFake: ['performance'] })
    try {
      const room = new RoomAwareness<string>()
      room.apply('a', [{ clientId: 1, clock: 1, json: '{"name":"Ana"}' }], 'member:ana')
      room.setServer({ clientId: 0, clock: 1, json: '{"typing":[]}' })
      // Held here, by a connection or the server: a relayed state for the same id is ignored.
      expect(room.applyRemote([{ clientId: 1, clock: 9, json: '{"name":"Mallory"}' }])).toEqual([])
      expect(room.applyRemote([{ clientId: 0, clock: 9, json: 'null' }])).toEqual([])
      // A remote member's state is kept, newer clocks only, and removed when they leave.
      const bea = { clientId: 2, clock: 3, json: '{"name":"Bea"}' }
      expect(room.applyRemote([bea])).toEqual([bea])
      expect(room.applyRemote([{ ...bea, clock: 2, json: '{"name":"old"}' }])).toEqual([])
      // No local connection takes a remote id over, even claiming to be the same person.
      expect(room.apply('b', [{ clientId: 2, clock: 4, json: '{}' }], 'member:bea')).toEqual([])
      expect(room.all().map((e) => e.clientId)).toEqual([1, 0, 2])
      // Not renewed for 30 s (its instance died without a word): no longer told to joiners.
      vi.advanceTimersByTime(31_000)
      expect(room.all().map((e) => e.clientId)).toEqual([1, 0])
      const cai = { clientId: 3, clock: 1, json: '{"name":"Cai"}' }
      room.applyRemote([cai])
      expect(room.applyRemote([{ ...cai, clock: 2, json: 'null' }])).toHaveLength(1)
      expect(room.all().map((e) => e.clientId)).toEqual([1, 0])
    } finally {
      vi.useRealTimers()
    }
  })
})
