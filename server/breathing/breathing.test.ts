import { describe, expect, it } from 'vitest'
import { LEAD_IN_MS, ROOM_BREATHING } from '../../shared/breathing/patterns.ts'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { ROOM_STATE } from '../../shared/sessions/roomState.ts'
import { manualClock } from '../clock/clock.ts'
import { eventually } from '../test/connectProvider.ts'
import { LONG_LOGINS, openSession, serverPerTest } from '../test/roomWorld.ts'

const START = Date.UTC(2031, 2, 3, 18)

describe('breathing together', () => {
  const world = serverPerTest({ env: LONG_LOGINS, now: () => manualClock(START) })

  it('a facilitator starts it for the whole room on the server’s clock, a lead-in ahead, and stops it', async () => {
    const { server } = world
    const clock = server.services.now as ReturnType<typeof manualClock>
    const { lead, groupId, sessionId, members } = await openSession(server, ['Robin'])
    const robin = members[0]!
    const room = await world.open(sessionDocName.room(groupId, sessionId), robin)
    const breathing = () => room.doc.getMap(ROOM_STATE).get(ROOM_BREATHING) ?? null
    const path = `/api/sessions/${sessionId}/breathing`

    // A member cannot start or stop it, and nothing is written when they try.
    expect((await robin.post(path, { pattern: 'box' })).status).toBe(403)
    expect((await robin.delete(path)).status).toBe(403)
    // Unknown patterns, too many rounds, or anything the server decides (the start) are refused.
    expect((await lead.post(path, { pattern: 'panting' })).status).toBe(400)
    expect((await lead.post(path, { pattern: 'box', rounds: 99 })).status).toBe(400)
    expect((await lead.post(path, { pattern: 'box', startsAt: START })).status).toBe(400)
    expect(breathing()).toBeNull()

    clock.advance(1234)
    const started = await lead.post(path, { pattern: '4-7-8' })
    expect(started.status).toBe(200)
    const expected = {
      pattern: '4-7-8',
      rounds: 4,
      startsAt: START + 1234 + LEAD_IN_MS,
      at: START + 1234,
    }
    expect(started.json.breathing).toEqual(expected)
    await eventually(() => breathing() !== null, 'the member’s room to show the exercise')
    expect(breathing()).toEqual(expected)

    // Stopped: gone from the room; stopping again writes nothing.
    expect((await lead.delete(path)).status).toBe(200)
    await eventually(() => breathing() === null, 'the exercise to stop')
    expect((await lead.delete(path)).status).toBe(200)
    expect(breathing()).toBeNull()

    // Ending the session ends the exercise (as the facilitators' room shows: the members'
    // sockets close); none starts after it.
    const desk = await world.open(sessionDocName.room(groupId, sessionId), lead)
    const onDesk = () => desk.doc.getMap(ROOM_STATE).get(ROOM_BREATHING) ?? null
    expect((await lead.post(path, { pattern: 'box', rounds: 2 })).status).toBe(200)
    await eventually(() => breathing() !== null && onDesk() !== null, 'a second exercise')
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'ended' })
    await eventually(() => onDesk() === null, 'the exercise to end with the session')
    expect((await lead.post(path, { pattern: 'box' })).status).toBe(409)
  })

  it('refuses a stream of starts', async () => {
    const { lead, sessionId } = await openSession(world.server, [])
    const path = `/api/sessions/${sessionId}/breathing`
    const statuses = []
    for (let i = 0; i < 7; i++) statuses.push((await lead.post(path, { pattern: 'box' })).status)
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429])
  })

  it('tells anyone the server’s time, never from a cache', async () => {
    const { server } = world
    const res = await fetch(`${server.url}/api/time`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ now: START })
    expect(res.headers.get('cache-control')).toBe('no-store')
  })
})
