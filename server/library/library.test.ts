import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { connectProvider, eventually, type TestClient } from '../test/connectProvider.ts'
import { facilitator, groupBody, member, scheduleSession } from '../test/groupWorld.ts'
import { openRawSocket } from '../test/rawSocket.ts'
import { addWorksheet } from '../test/roomWorld.ts'
import { startTestServer, type TestServer } from '../test/startTestServer.ts'

interface Listed {
  session: { id: string; status: string }
  items: { kind: string; id: string; document: string; writable: boolean }[]
}

describe("a member's library", () => {
  let server: TestServer
  const clients: TestClient[] = []
  beforeEach(async () => {
    server = await startTestServer()
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server.close()
  })
  const open = (doc: string, who: { cookie: string | null }) => {
    const client = connectProvider(server.wsUrl, doc, null, { cookie: who.cookie! })
    clients.push(client)
    return client
  }

  it('lists what each member may revisit, their own copy writable, nothing of anyone else', async () => {
    const lead = await facilitator(server, 'lead@x.example', 'Dr Lead')
    const groupId = (await lead.post('/api/groups', groupBody('G'))).json.id
    const robin = await member(server, lead, groupId, 'Robin')
    const sky = await member(server, lead, groupId, 'Sky')
    const first = await scheduleSession(server, lead, groupId, 'Week 1')
    // A week later: sessions at the same moment have no order but their ids'.
    const second = await scheduleSession(server, lead, groupId, 'Week 2', 8)
    await lead.post(`/api/sessions/${first}/status`, { status: 'open' })
    for (const m of [robin, sky]) await m.post(`/api/sessions/${first}/join`)
    await lead.post(`/api/sessions/${first}/admit`, { all: true })
    const add = (mode: 'shared' | 'private') => addWorksheet(lead, first, mode)
    const shared = await add('shared')
    const priv = await add('private')
    await robin.post(`/api/worksheets/${priv}/share`, {
      audience: 'group',
      shared: true,
      fieldId: 'situation',
    })
    await lead.post(`/api/sessions/${first}/status`, { status: 'ended' })
    // Week 2: only Sky comes.
    await lead.post(`/api/sessions/${second}/status`, { status: 'open' })
    await sky.post(`/api/sessions/${second}/join`)
    await lead.post(`/api/sessions/${second}/admit`, { all: true })

    const robins = (await robin.get('/api/member/library')).json.sessions as Listed[]
    const skys = (await sky.get('/api/member/library')).json.sessions as Listed[]
    expect(robins.map((s) => s.session.id)).toEqual([first])
    expect(skys.map((s) => s.session.id)).toEqual([second, first])
    const [week1] = robins
    const item = (id: string, kind = 'worksheet') =>
      week1!.items.find((i) => i.id === id && i.kind === kind)!
    expect(item(shared)).toMatchObject({
      document: sessionDocName.shared(groupId, first, shared),
      writable: false,
    })
    expect(item(priv).writable).toBe(true)
    expect(item(priv, 'answers').document).toBe(
      sessionDocName.answers(groupId, first, priv, 'group'),
    )
    const skysCopy = skys[1]!.items.find((i) => i.id === priv && i.kind === 'worksheet')!.document
    expect(skysCopy).not.toBe(item(priv).document)
    const robinsText = JSON.stringify(robins)
    for (const secret of [robin.id, sky.id, skysCopy]) expect(robinsText).not.toContain(secret)

    // After the end: Robin goes on writing their own copy (homework), reads the group's sheet,
    // and cannot open Sky's copy, whatever name they try.
    const copy = open(item(priv).document, robin)
    await copy.synced()
    copy.text.insert(0, 'Later, at home.')
    await copy.saved()
    const reread = open(item(priv).document, robin)
    await reread.synced()
    await eventually(() => reread.text.toString() === 'Later, at home.', 'the homework kept')
    await expect(
      openRawSocket(server.wsUrl, skysCopy, null, { cookie: robin.cookie! }),
    ).rejects.toThrow('HTTP 403')
    // The group's sheet is read only now: an edit is refused and kept nowhere.
    const group = open(item(shared).document, robin)
    await group.synced()
    group.text.insert(0, 'rewriting history')
    await new Promise((r) => setTimeout(r, 200))
    const fresh = open(item(shared).document, lead)
    await fresh.synced()
    expect(fresh.text.toString()).not.toContain('rewriting history')
    expect((await robin.get('/api/member/library')).status).toBe(200)
    expect((await lead.get('/api/member/library')).status).toBe(403)
  })
})
