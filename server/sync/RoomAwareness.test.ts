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

  it('removes the states of a connection that left', () => {
    const room = new RoomAwareness<string>()
    room.apply('a', [{ clientId: 1, clock: 3, json: '{}' }])
    room.apply('b', [{ clientId: 2, clock: 1, json: '{}' }])
    expect(room.removeOwner('a')).toEqual([{ clientId: 1, clock: 4, json: 'null' }])
    expect(room.size).toBe(1)
  })
})
