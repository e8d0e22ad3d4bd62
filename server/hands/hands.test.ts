import { describe, expect, it } from 'vitest'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { LINE_HAND, SIGNALS_HANDS } from '../../shared/hands/hands.ts'
import { eventually } from '../test/connectProvider.ts'
import { openSession, serverPerTest } from '../test/roomWorld.ts'
import { lineNameFor } from '../signals/privateLines.ts'

describe('raised hands', () => {
  const world = serverPerTest()

  it('queue for the facilitators in the order raised, show on the member’s own line, and come down for everyone', async () => {
    const { server } = world
    const { lead, groupId, sessionId, members } = await openSession(server, ['Robin', 'Sky'])
    const [robin, sky] = [members[0]!, members[1]!]
    const signals = await world.open(sessionDocName.signals(groupId, sessionId), lead)
    const queue = () =>
      [...signals.doc.getMap<{ name: string; raisedAt: number }>(SIGNALS_HANDS).entries()]
        .sort((a, b) => a[1].raisedAt - b[1].raisedAt)
        .map(([key, hand]) => ({ key, name: hand.name }))
    const lineOf = async (id: string) =>
      lineNameFor(await server.services.data(), groupId, sessionId, id)
    const robinsLine = await world.open(await lineOf(robin.id), robin)
    const robinsHand = () => robinsLine.doc.getMap(LINE_HAND).get('raisedAt')
    const hand = (who: typeof robin, raised: boolean) =>
      who.post(`/api/sessions/${sessionId}/hand`, { raised })

    expect((await hand(robin, true)).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect((await hand(sky, true)).status).toBe(200)
    await eventually(() => queue().length === 2, 'two hands up')
    expect(queue().map((h) => h.name)).toEqual(['Robin', 'Sky'])
    await eventually(() => typeof robinsHand() === 'number', 'Robin sees their own hand up')
    // Raising again keeps one's place; the queue never names a member's id.
    await hand(robin, true)
    expect(queue().map((h) => h.name)).toEqual(['Robin', 'Sky'])
    expect(JSON.stringify(signals.doc.getMap(SIGNALS_HANDS).toJSON())).not.toContain(robin.id)

    // The facilitator gives Robin the floor and lowers the hand: gone from the queue and for Robin.
    const robinKey = queue()[0]!.key
    expect((await sky.delete(`/api/sessions/${sessionId}/hands/${robinKey}`)).status).toBe(403)
    expect((await lead.delete(`/api/sessions/${sessionId}/hands/${robinKey}`)).status).toBe(200)
    await eventually(() => robinsHand() === null, 'Robin’s hand down on their line')
    expect(queue().map((h) => h.name)).toEqual(['Sky'])
    // Sky lowers their own; a facilitator cannot raise one; sent back, a hand comes down.
    await hand(sky, false)
    await eventually(() => queue().length === 0, 'Sky’s hand down')
    expect((await lead.post(`/api/sessions/${sessionId}/hand`, { raised: true })).status).toBe(403)
    await hand(robin, true)
    await eventually(() => queue().length === 1, 'Robin again')
    await lead.post(`/api/sessions/${sessionId}/return`, { memberId: robin.id })
    await eventually(() => queue().length === 0, 'down when sent back')
    expect((await hand(robin, true)).status).toBe(403)
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'ended' })
    expect((await hand(sky, true)).status).toBe(409)
  })
})
