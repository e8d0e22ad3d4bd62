import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { onPostgres } from '../data/Data.ts'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { WORKSHEET_FRAGMENT } from '../../shared/worksheets/worksheetFragment.ts'
import { eventually } from '../test/connectProvider.ts'
import { PASSPHRASE } from '../test/groupWorld.ts'
import { HttpClient } from '../test/httpClient.ts'
import { addWorksheet, openSession, serverPerTest } from '../test/roomWorld.ts'
import { startTestServer } from '../test/startTestServer.ts'
import { typeIntoField } from '../test/typeIntoField.ts'
import { foundAtRest } from '../test/foundAtRest.ts'
import { readableInStore } from '../test/readableInStore.ts'
import { KeyErased } from '../crypto/keyRing.ts'

describe('erasure', () => {
  const world = serverPerTest()

  async function sessionWithWords() {
    const server = world.server
    const { lead, groupId, sessionId, members } = await openSession(server, ['Robin', 'Sky'])
    const [robin, sky] = members as [(typeof members)[0], (typeof members)[0]]
    const add = (mode: 'shared' | 'private') => addWorksheet(lead, sessionId, mode)
    const shared = await add('shared')
    const priv = await add('private')
    const group = await world.open(sessionDocName.shared(groupId, sessionId, shared), sky)
    typeIntoField(group.doc, 'situation', 'SKY-GROUP-WORDS')
    await group.saved()
    const own = await world.open(sessionDocName.private(groupId, sessionId, priv, robin.id), robin)
    typeIntoField(own.doc, 'situation', 'ROBIN-PRIVATE-WORDS')
    typeIntoField(own.doc, 'balanced-thought', 'ROBIN-SHARED-ANSWER')
    await own.saved()
    for (const audience of ['group', 'facilitators']) {
      const shareAnswer = { audience, shared: true, fieldId: 'balanced-thought' }
      expect((await robin.post(`/api/worksheets/${priv}/share`, shareAnswer)).status).toBe(200)
    }
    await robin.post(`/api/worksheets/${priv}/share`, { audience: 'facilitators', shared: true })
    await robin.post(`/api/sessions/${sessionId}/signal`, { kind: 'moment' })
    // Typed again after sharing: the mirror writes each version into the answers documents.
    typeIntoField(own.doc, 'balanced-thought', 'ROBIN-SHARED-ANSWER-AGAIN ')
    await own.saved()
    const groupAnswers = await world.open(
      sessionDocName.answers(groupId, sessionId, priv, 'group'),
      sky,
    )
    await eventually(
      () =>
        [...groupAnswers.doc.getMap<string>('answers').values()].some((v) => v.includes('AGAIN')),
      'answer mirrored',
    )
    groupAnswers.destroy()
    // The session ends (snapshots taken), and Robin carries on between sessions.
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'ended' })
    typeIntoField(own.doc, 'automatic-thoughts', 'ROBIN-HOMEWORK-WORDS')
    await own.saved()
    own.destroy()
    group.destroy()
    await server.sync.drain()
    return { server, lead, groupId, sessionId, robin, sky, shared, priv }
  }

  const ROBINS = [
    'ROBIN-PRIVATE-WORDS',
    'ROBIN-SHARED-ANSWER',
    'ROBIN-SHARED-ANSWER-AGAIN',
    'ROBIN-HOMEWORK-WORDS',
  ]

  it('a member who leaves and erases leaves no word of theirs in the database file, and the group’s documents intact', async () => {
    const { server, lead, groupId, sessionId, robin, sky, shared, priv } = await sessionWithWords()
    // The test can fail: before erasure, Robin's words can be read from the store (sealed at
    // rest, so not as bytes of the file).
    expect(await readableInStore(server, ROBINS)).toEqual(ROBINS)

    const stale = new HttpClient(server.url)
    stale.cookie = robin.cookie
    expect((await robin.post('/api/member/erase', {})).status).toBe(400)
    expect((await robin.post('/api/member/erase', { confirm: 'erase' })).status).toBe(200)
    expect(await foundAtRest(server, ROBINS)).toEqual([])
    expect(await readableInStore(server, ROBINS)).toEqual([])
    // Their key is destroyed too: older backups of their private copies cannot be opened.
    await expect(server.services.keys.key(`member:${robin.id}`)).rejects.toThrow(KeyErased)
    // Signed out everywhere; the pseudonym and passphrase no longer open anything.
    expect((await stale.get('/api/me')).status).toBe(401)
    const again = await new HttpClient(server.url).post('/api/auth/member-login', {
      groupId,
      pseudonym: 'Robin',
      passphrase: PASSPHRASE,
    })
    expect(again.status).toBe(401)

    // The group's sheet, its snapshot and the answers document load, with the others' words.
    const group = await world.open(sessionDocName.shared(groupId, sessionId, shared), sky)
    expect(group.doc.getXmlFragment(WORKSHEET_FRAGMENT).toString()).toContain('SKY-GROUP-WORDS')
    const snapshots = (await sky.get(`/api/sessions/${sessionId}/snapshots`)).json.snapshots
    const snap = await sky.get(`/api/snapshots/${snapshots[0].id}`)
    expect(JSON.stringify(snap.json.content)).toContain('SKY-GROUP-WORDS')
    const answers = await world.open(
      sessionDocName.answers(groupId, sessionId, priv, 'facilitators'),
      lead,
    )
    expect(answers.doc.getMap('answers').size).toBe(0)
    // Nothing of Robin's is listed to the facilitators either.
    const sheets = (await lead.get(`/api/sessions/${sessionId}/worksheets`)).json.worksheets
    expect(JSON.stringify(sheets)).not.toContain('Robin')

    // The trail says who erased, and how much, never what.
    const records = await server.services.data()
    const trail = await records
      .selectFrom('audit_log')
      .select(['actor_id', 'detail'])
      .where('action', '=', 'member.erased')
      .execute()
    expect(trail).toEqual([
      { actor_id: robin.id, detail: expect.stringContaining('"by":"member"') },
    ])

    // After a restart, the file is still clean and the group's sheet still loads. PostgreSQL's
    // files are not the server's to read: there, the rows a server started again on the same
    // folder finds.
    const dataDir = server.dataDir
    await server.close()
    if (onPostgres(records)) {
      const again = await startTestServer({}, { dataDir })
      try {
        expect(await foundAtRest(again, ROBINS)).toEqual([])
      } finally {
        await again.close()
      }
    } else {
      expect(
        readdirSync(dataDir)
          .filter((f) => f.startsWith('hearth.sqlite'))
          .some((f) => ROBINS.some((n) => readFileSync(join(dataDir, f)).includes(n))),
      ).toBe(false)
    }
  })

  it('a member deletes one of their copies; the lead erases a member on request; others cannot', async () => {
    const { server, lead, groupId, sessionId, robin, sky, priv } = await sessionWithWords()
    // Sky cannot delete Robin's copy (Sky's own is another document); an unknown sheet is 404.
    expect((await sky.delete(`/api/member/worksheets/${priv}`)).status).toBe(200)
    expect(await readableInStore(server, ROBINS)).toEqual(ROBINS)
    expect((await robin.delete('/api/member/worksheets/wnotasheet0000000000')).status).toBe(404)
    // Robin deletes their copy: its words, and what it shared, are gone.
    expect((await robin.delete(`/api/member/worksheets/${priv}`)).status).toBe(200)
    expect(await foundAtRest(server, ROBINS)).toEqual([])
    expect(await readableInStore(server, ROBINS)).toEqual([])
    const library = (await robin.get('/api/member/library')).json.sessions[0].items
    expect(JSON.stringify(library)).not.toContain('ROBIN')
    // Robin's deleted copy is no longer listed for Robin (Sky's is Sky's own).
    expect(library.filter((i: { own: boolean }) => i.own)).toEqual([])
    const listed = (await robin.get(`/api/sessions/${sessionId}/worksheets`)).json.worksheets
    expect(listed.map((w: { mode: string }) => w.mode)).toEqual(['shared'])

    // Erasing a member takes the lead, and says so in words.
    const co = { confirm: 'erase' }
    const path = `/api/groups/${groupId}/members/${sky.id}/erase`
    expect((await sky.post(path, co)).status).toBe(403)
    expect((await lead.post(path, {})).status).toBe(400)
    expect((await lead.post(path, co)).status).toBe(200)
    expect((await sky.get('/api/me')).status).toBe(401)
    const people = (await lead.get(`/api/groups/${groupId}/members`)).json.members as {
      pseudonym: string
    }[]
    expect(people.map((p) => p.pseudonym)).not.toContain('Sky')
    const records = await server.services.data()
    const trail = await records
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', 'in', ['member.erased', 'worksheet.erased'])
      .orderBy('seq')
      .execute()
    expect(trail.map((t) => t.action)).toEqual([
      'worksheet.erased',
      'worksheet.erased',
      'member.erased',
    ])
    expect(JSON.stringify(trail)).not.toMatch(/ROBIN|SKY|Robin|Sky/)
  })
})
