import { describe, expect, it } from 'vitest'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { countRows } from '../test/countRows.ts'
import type { HttpClient } from '../test/httpClient.ts'
import { addWorksheet, openSession, serverPerTest } from '../test/roomWorld.ts'
import { typeIntoField } from '../test/typeIntoField.ts'

describe('snapshots at the end of a session', () => {
  const world = serverPerTest()
  const open = world.open

  it('keep each sheet as it was at the end, whatever is edited later, for those who may read it', async () => {
    const server = world.server
    const { lead, groupId, sessionId, members } = await openSession(server, ['Robin', 'Sky'])
    const [robin, sky] = members as [(typeof members)[0], (typeof members)[0]]
    const add = (mode: 'shared' | 'private') => addWorksheet(lead, sessionId, mode)
    const shared = await add('shared')
    const priv = await add('private')
    const group = await open(sessionDocName.shared(groupId, sessionId, shared), robin)
    typeIntoField(group.doc, 'situation', 'AT-THE-END')
    await group.saved()
    const robins = await open(sessionDocName.private(groupId, sessionId, priv, robin.id), robin)
    typeIntoField(robins.doc, 'situation', 'ROBIN-PRIVATE')
    await robins.saved()
    const skys = await open(sessionDocName.private(groupId, sessionId, priv, sky.id), sky)
    typeIntoField(skys.doc, 'situation', 'SKY-PRIVATE')
    await skys.saved()
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'ended' })

    // Edited after the end, by the facilitator: the live sheet changes, the snapshot does not.
    const later = await open(sessionDocName.shared(groupId, sessionId, shared), lead)
    typeIntoField(later.doc, 'situation', 'EDITED-LATER ')
    await later.saved()

    const list = async (who: HttpClient) =>
      (await who.get(`/api/sessions/${sessionId}/snapshots`)).json.snapshots as {
        id: string
        title: string
      }[]
    const forRobin = await list(robin)
    expect(forRobin.map((s) => s.title)).toEqual(['Thought record', 'Thought record (your copy)'])
    // The lead sees the group's sheet only: no member shared a copy.
    expect((await list(lead)).map((s) => s.title)).toEqual(['Thought record'])
    const read = (who: HttpClient, id: string) => who.get(`/api/snapshots/${id}`)
    const groupSnap = await read(robin, forRobin[0]!.id)
    expect(JSON.stringify(groupSnap.json.content)).toContain('AT-THE-END')
    expect(JSON.stringify(groupSnap.json.content)).not.toContain('EDITED-LATER')
    const ownSnap = await read(robin, forRobin[1]!.id)
    expect(JSON.stringify(ownSnap.json.content)).toContain('ROBIN-PRIVATE')
    // Nobody reads another's copy through its snapshot, whoever asks and however.
    for (const who of [sky, lead]) expect((await read(who, forRobin[1]!.id)).status).toBe(404)
    const text = JSON.stringify(forRobin)
    expect(text).not.toContain('SKY-PRIVATE')
    expect(text).not.toContain(sky.id)
    // Ending again is refused and takes nothing new.
    const count = () => countRows(server, 'session_snapshots')
    expect(await count()).toBe(3)
    expect((await lead.post(`/api/sessions/${sessionId}/status`, { status: 'ended' })).status).toBe(
      409,
    )
    expect(await count()).toBe(3)
  })
})
