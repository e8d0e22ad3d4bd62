import { describe, expect, it } from 'vitest'
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
    expect(room.removeOwner('a')).toEqual([{ clientId: 1, clock: 4, json: 'null' }])
    expect(room.size).toBe(1)
  })
})
