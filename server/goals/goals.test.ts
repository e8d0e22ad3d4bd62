import * as Y from 'yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DocName } from '../../shared/documents/docName.ts'
import { addGoal, GOALS_ARRAY, readGoals } from '../../shared/goals/goals.ts'
import { goalsDocName } from '../../shared/goals/goalsDocNames.ts'
import { CloseCode } from '../../shared/sync/closeCodes.ts'
import { SyncMessageType } from '../../shared/sync/messageTypes.ts'
import type { MemberPrincipal } from '../auth/Principal.ts'
import { connectProvider, eventually, type TestClient } from '../test/connectProvider.ts'
import { facilitator, groupBody, member } from '../test/groupWorld.ts'
import { openRawSocket, type RawSocket } from '../test/rawSocket.ts'
import { startTestServer, type TestServer } from '../test/startTestServer.ts'
import { encodeSyncFrame } from '../sync/encodeFrames.ts'
import { foundAtRest } from '../test/foundAtRest.ts'
import { readableInStore } from '../test/readableInStore.ts'

const goalsOf = (client: TestClient) => readGoals(client.doc.getArray(GOALS_ARRAY))

describe('goals: the group’s and each member’s own', () => {
  let server: TestServer
  const clients: TestClient[] = []
  const sockets: RawSocket[] = []
  let lead: Awaited<ReturnType<typeof facilitator>>
  let robin: Awaited<ReturnType<typeof member>>
  let sky: Awaited<ReturnType<typeof member>>
  let groupId: string
  const open = (doc: string, who: { cookie: string | null }) => {
    const client = connectProvider(server.wsUrl, doc, null, { cookie: who.cookie! })
    clients.push(client)
    return client
  }
  const refused = (doc: string, who: { cookie: string | null }) =>
    expect(openRawSocket(server.wsUrl, doc, null, { cookie: who.cookie! })).rejects.toThrow(
      'HTTP 403',
    )
  const ownGoals = async (who: typeof robin) =>
    (await who.get(`/api/groups/${groupId}/goals`)).json.own.document as string

  beforeEach(async () => {
    server = await startTestServer()
    lead = await facilitator(server, 'lead@x.example', 'Dr Lead')
    groupId = (await lead.post('/api/groups', groupBody('G'))).json.id
    robin = await member(server, lead, groupId, 'Robin')
    sky = await member(server, lead, groupId, 'Sky')
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    for (const s of sockets.splice(0)) s.ws.close()
    await server.close()
  })

  it('[C41][C2] the facilitators record the group’s goals; members read them and cannot write', async () => {
    const name = goalsDocName.group(groupId)
    const byLead = open(name, lead)
    const byRobin = open(name, robin)
    await Promise.all([byLead.synced(), byRobin.synced()])
    expect(addGoal(byLead.doc, 'g1', 'Practise one grounding exercise a day')).toBe(true)
    await eventually(() => goalsOf(byRobin).length === 1, 'the group goal reaches a member')

    // Robin's own edit of the group's goals reaches neither the store nor anyone else.
    addGoal(byRobin.doc, 'intruder', 'INTRUDER goal')
    addGoal(byLead.doc, 'g2', 'Come back each week')
    await eventually(() => goalsOf(byRobin).some((g) => g.id === 'g2'), 'barrier edit')
    await byLead.saved()
    await server.sync.drain()
    const fresh = open(name, sky)
    await fresh.synced()
    expect(goalsOf(fresh).map((g) => g.text)).toEqual([
      'Practise one grounding exercise a day',
      'Come back each week',
    ])
    expect(goalsOf(byLead).map((g) => g.id)).toEqual(['g1', 'g2'])

    // Another group's facilitator and a visitor get nothing.
    const other = await facilitator(server, 'other@y.example', 'Dr Other')
    await refused(name, other)
    expect((await other.get(`/api/groups/${groupId}/goals`)).status).toBe(403)
  })

  it('[C41][C8] a member’s own goals are theirs alone until shared, then read only for the facilitators', async () => {
    const view = (await robin.get(`/api/groups/${groupId}/goals`)).json
    const robins = view.own.document as string
    // Opened by an opaque key: no member id in the name (C1).
    expect(robins).toMatch(/^g\/g[a-z2-7]{20}\/goals\/o[a-z2-7]{20}$/)
    expect(robins).not.toContain(robin.id)
    expect(view.own.sharedWithFacilitators).toBe(false)
    const mine = open(robins, robin)
    await mine.synced()
    addGoal(mine.doc, 'm1', 'PRIVATE-GOAL sleep before midnight')
    await mine.saved()

    // Sky (another member) and the lead cannot open it, nor a made-up key.
    const madeUp = goalsDocName.member(groupId, 'o' + 'a'.repeat(20))
    for (const name of [robins, madeUp]) {
      for (const who of [sky, lead]) await refused(name, who)
    }
    expect((await lead.get(`/api/groups/${groupId}/goals`)).json.sharedWithYou).toEqual([])

    // Robin shares them: the lead reads (and is listed the document); Sky still cannot.
    expect((await robin.post('/api/member/goals/share', { shared: true })).status).toBe(200)
    expect((await lead.get(`/api/groups/${groupId}/goals`)).json.sharedWithYou).toEqual([
      { name: 'Robin', colour: expect.any(String), document: robins },
    ])
    const leadView = open(robins, lead)
    await leadView.synced()
    expect(goalsOf(leadView).map((g) => g.text)).toEqual(['PRIVATE-GOAL sleep before midnight'])
    await refused(robins, sky)

    // The lead cannot write them: their edit reaches neither Robin nor the store.
    addGoal(leadView.doc, 'x', 'INTRUDER')
    addGoal(mine.doc, 'm2', 'Walk on Sundays')
    await eventually(() => goalsOf(leadView).some((g) => g.id === 'm2'), 'barrier edit')
    await mine.saved()
    await server.sync.drain()
    const again = open(robins, robin)
    await again.synced()
    expect(goalsOf(again).map((g) => g.id)).toEqual(['m1', 'm2'])

    // Taking them back closes the lead's socket at once.
    const closes: number[] = []
    leadView.provider.on('connection-close', (e) => closes.push(e?.code ?? -1))
    expect((await robin.post('/api/member/goals/share', { shared: false })).status).toBe(200)
    await eventually(() => closes.includes(CloseCode.forbidden), 'facilitator socket closed')
    await refused(robins, lead)
    // The trail records the consent, never the goals.
    const records = await server.services.data()
    const trail = JSON.stringify(await records.selectFrom('audit_log').selectAll().execute())
    expect(trail).toContain('goals.shared')
    expect(trail).not.toContain('PRIVATE-GOAL')
  })

  it('[C41][C4] a removed member loses their goals and the group’s at once', async () => {
    const robins = await ownGoals(robin)
    const own = open(robins, robin)
    const group = open(goalsDocName.group(groupId), robin)
    await Promise.all([own.synced(), group.synced()])
    const closes: number[] = []
    for (const c of [own, group])
      c.provider.on('connection-close', (e) => closes.push(e?.code ?? -1))
    expect((await lead.post(`/api/groups/${groupId}/members/${robin.id}/remove`)).status).toBe(200)
    await eventually(() => closes.length >= 2, 'both sockets closed')
    // Even with a principal still in hand, the rules give a removed member nothing.
    const principal: MemberPrincipal = {
      kind: 'member',
      id: robin.id as MemberPrincipal['id'],
      groupId: groupId as MemberPrincipal['groupId'],
      loginHash: 'x',
      expiresAt: Number.MAX_SAFE_INTEGER,
      name: 'Robin',
      colour: '#000000',
    }
    for (const name of [robins, goalsDocName.group(groupId)]) {
      expect(await server.services.authorize(principal, name as DocName)).toBe('none')
    }
    expect((await robin.get(`/api/groups/${groupId}/goals`)).status).toBe(401)
  })

  it('[C2b] the library names the group’s goals and the member’s own, nobody else’s', async () => {
    const robins = await ownGoals(robin)
    const library = (await robin.get('/api/member/library')).json
    expect(library.goals).toEqual({
      group: { document: goalsDocName.group(groupId), writable: false },
      own: { document: robins, sharedWithFacilitators: false },
      sharedWithYou: [],
    })
    expect(JSON.stringify(library)).not.toContain(robin.id)
    const skys = (await sky.get('/api/member/library')).json.goals.own.document as string
    expect(skys).not.toBe(robins)
  })

  it('[C41][C23] erasing a member erases their own goals to the bytes, and keeps the group’s', async () => {
    const mine = open(await ownGoals(robin), robin)
    const group = open(goalsDocName.group(groupId), lead)
    await Promise.all([mine.synced(), group.synced()])
    addGoal(mine.doc, 'm1', 'ROBIN-GOAL-WORDS')
    addGoal(group.doc, 'g1', 'GROUP-GOAL-WORDS')
    await Promise.all([mine.saved(), group.saved()])
    await server.sync.drain()
    expect(await readableInStore(server, ['ROBIN-GOAL-WORDS'])).toEqual(['ROBIN-GOAL-WORDS'])
    expect((await robin.post('/api/member/erase', { confirm: 'erase' })).status).toBe(200)
    expect(await readableInStore(server, ['ROBIN-GOAL-WORDS'])).toEqual([])
    expect(await foundAtRest(server, ['ROBIN-GOAL-WORDS'])).toEqual([])
    const records = await server.services.data()
    expect(await records.selectFrom('member_goals').selectAll().execute()).toEqual([])
    const fresh = open(goalsDocName.group(groupId), sky)
    await fresh.synced()
    expect(goalsOf(fresh).map((g) => g.text)).toEqual(['GROUP-GOAL-WORDS'])
  })

  it('[C41][C10] a goals document stops growing at its cap, with a clear refusal', async () => {
    const writer = await openRawSocket(server.wsUrl, goalsDocName.group(groupId), null, {
      cookie: lead.cookie!,
    })
    sockets.push(writer)
    const local = new Y.Doc()
    const updates: Uint8Array[] = []
    local.on('update', (u: Uint8Array) => updates.push(u))
    const text = local.getText('padding')
    for (let i = 0; i < 12; i++) text.insert(text.length, `${i % 10}`.repeat(32 * 1024))
    for (const update of updates) writer.ws.send(encodeSyncFrame(SyncMessageType.update, update))
    expect(await writer.closed).toBe(CloseCode.documentFull)
    // Still readable afterwards.
    const reader = open(goalsDocName.group(groupId), robin)
    await reader.synced()
  })
})
