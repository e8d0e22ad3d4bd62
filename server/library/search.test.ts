import { describe, expect, it } from 'vitest'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { openSession, serverPerTest } from '../test/roomWorld.ts'
import { typeIntoField } from '../test/typeIntoField.ts'

describe('searching my materials', () => {
  const world = serverPerTest()

  it('finds titles and words in what the member may read, and nothing of anyone else', async () => {
    const { lead, groupId, sessionId, members } = await openSession(world.server, ['Robin', 'Sky'])
    const [robin, sky] = members as [(typeof members)[0], (typeof members)[0]]
    const add = async (templateId: string, mode: string) =>
      (await lead.post(`/api/sessions/${sessionId}/worksheets`, { templateId, mode })).json
        .id as string
    const shared = await add('thought-record', 'shared')
    const priv = await add('gratitude-journal', 'private')
    const group = await world.open(sessionDocName.shared(groupId, sessionId, shared), robin)
    typeIntoField(group.doc, 'situation', 'Le réveil sonnait trop tôt')
    const mine = await world.open(sessionDocName.private(groupId, sessionId, priv, robin.id), robin)
    typeIntoField(mine.doc, 'good-thing-1', 'Walked the dog by the canal')
    const skys = await world.open(sessionDocName.private(groupId, sessionId, priv, sky.id), sky)
    typeIntoField(skys.doc, 'good-thing-1', 'Painted the kitchen canal-blue')
    await Promise.all([group.saved(), mine.saved(), skys.saved()])

    const search = async (q: string) =>
      (await robin.get(`/api/member/search?q=${encodeURIComponent(q)}`)).json.results as {
        id: string
        kind: string
        snippet: string
        document: string
      }[]
    // Accents and case do not matter; every word must appear.
    const reveil = await search('REVEIL tôt')
    expect(reveil.map((h) => h.id)).toEqual([shared])
    expect(reveil[0]!.snippet).toContain('Le réveil sonnait trop tôt')
    // "canal" is in Robin's copy and in Sky's: Robin finds their own only, by its alias.
    const canal = await search('canal')
    expect(canal).toHaveLength(1)
    expect(canal[0]).toMatchObject({ id: priv, kind: 'worksheet' })
    expect(canal[0]!.document).toMatch(/\/copy\/c[a-z2-7]{20}$/)
    expect(JSON.stringify(canal)).not.toContain('kitchen')
    expect(JSON.stringify(canal)).not.toContain(robin.id)
    // Titles count; nothing found is an empty list; too short a query is refused.
    expect((await search('gratitude')).map((h) => h.id)).toEqual([priv])
    expect(await search('kitchen')).toEqual([])
    expect((await robin.get('/api/member/search?q=a')).status).toBe(400)
    expect((await lead.get('/api/member/search?q=canal')).status).toBe(403)
  })
})
