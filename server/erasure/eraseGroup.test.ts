import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { docCipher } from '../crypto/docKeys.ts'
import { KeyErased } from '../crypto/keyRing.ts'
import { eventually } from '../test/connectProvider.ts'
import { groupWorld, PASSPHRASE } from '../test/groupWorld.ts'
import { readableInStore } from '../test/readableInStore.ts'
import { HttpClient } from '../test/httpClient.ts'
import { addWorksheet, serverPerTest } from '../test/roomWorld.ts'
import type { TestServer } from '../test/startTestServer.ts'
import { storeBackup } from '../test/storeBackup.ts'
import { storedRows } from '../test/storedRows.ts'
import { typeIntoField } from '../test/typeIntoField.ts'
import type { FacilitatorPrincipal } from '../auth/Principal.ts'
import { eraseGroup, finishGroupErasures } from './eraseGroup.ts'

const storedDocs = (server: TestServer, groupId: string): Promise<DocName[]> =>
  server.store.names(`g/${groupId}/`)

/** Every row of the main database that names one of `ids`, by table (the trail aside). */
async function rowsNaming(server: TestServer, ids: string[], except: string[]): Promise<string[]> {
  return (await storedRows(server))
    .filter(({ table }) => !except.includes(table))
    .filter(({ row }) => ids.some((id) => JSON.stringify(row).includes(id)))
    .map(({ table }) => table)
}

describe('[C19] erasing a group', () => {
  const world = serverPerTest()

  async function groupsWithWords() {
    const server = world.server
    const w = await groupWorld(server)
    const { lead, admitted, otherFacilitator } = w.people
    const sheet = await addWorksheet(lead, w.session, 'shared')
    const copy = await addWorksheet(lead, w.session, 'private')
    const shared = await world.open(sessionDocName.shared(w.groupA, w.session, sheet), admitted)
    typeIntoField(shared.doc, 'situation', 'ROBIN-SHARED-WORDS')
    const own = await world.open(
      sessionDocName.private(w.groupA, w.session, copy, admitted.id),
      admitted,
    )
    typeIntoField(own.doc, 'situation', 'ROBIN-PRIVATE-WORDS')
    await shared.saved()
    await own.saved()
    const chat = await admitted.post(`/api/sessions/${w.session}/chat`, { text: 'hi' })
    expect(chat.status).toBe(201)
    const sheetB = await addWorksheet(otherFacilitator, w.sessionB, 'shared')
    const docB = sessionDocName.shared(w.groupB, w.sessionB, sheetB)
    const other = await world.open(docB, otherFacilitator)
    typeIntoField(other.doc, 'situation', 'GROUP-B-WORDS')
    await other.saved()
    await server.sync.drain()
    return { ...w, shared, own, docB }
  }

  it('the lead erases the group: its documents, keys, rows and logins are gone; group B is untouched', async () => {
    const { server, ...w } = { server: world.server, ...(await groupsWithWords()) }
    const { lead, co, admitted, waiting, otherFacilitator, otherMember } = w.people
    const { keys } = server.services
    // A backup taken before: the store's rows as they were, sealed with keys about to go.
    const backup = await storeBackup(server)
    const before = await storedDocs(server, w.groupA)
    expect(before.length).toBeGreaterThanOrEqual(3)
    const WORDS = ['ROBIN-SHARED-WORDS', 'ROBIN-PRIVATE-WORDS', 'GROUP-B-WORDS']
    expect(await readableInStore(server, WORDS)).toEqual(WORDS)
    const leadView = await world.open(sessionDocName.room(w.groupA, w.session), lead)
    const closes: Record<string, number> = {}
    leadView.provider.on('connection-close', (e) => (closes.lead = e?.code ?? -1))
    w.own.provider.on('connection-close', (e) => (closes.member = e?.code ?? -1))

    const path = `/api/groups/${w.groupA}/erase`
    const confirm = { confirm: 'erase', name: 'Group A' }
    // Only the lead; and only with the confirmation and the exact name. Nothing changes before.
    expect((await co.post(path, confirm)).status).toBe(403)
    expect((await otherFacilitator.post(path, confirm)).status).toBe(403)
    expect((await admitted.post(path, confirm)).status).toBe(403)
    expect((await new HttpClient(server.url).post(path, confirm)).status).toBe(401)
    for (const wrong of [
      {},
      { name: 'Group A' },
      { confirm: 'erase', name: 'group a' },
      { confirm: 'erase', name: 'Group A ' },
      { confirm: 'yes', name: 'Group A' },
      { ...confirm, also: 1 },
    ]) {
      const refused = await lead.post(path, wrong)
      expect(refused.status).toBe(400)
      expect(refused.json.error).toMatch(/nothing was deleted/)
    }
    expect(await storedDocs(server, w.groupA)).toEqual(before)
    // A failed sign-in is counted under the group's id: that count goes with the group too.
    const guess = { groupId: w.groupA, pseudonym: 'Robin', passphrase: 'not-it' }
    expect((await new HttpClient(server.url).post('/api/auth/member-login', guess)).status).toBe(
      401,
    )
    expect(await keys.erased(`group:${w.groupA}`)).toBe(false)
    expect((await admitted.get('/api/me')).status).toBe(200)
    expect((await co.get(`/api/groups/${w.groupA}`)).status).toBe(200)

    expect((await lead.post(path, confirm)).status).toBe(200)

    // Every document of the group is gone from the store and from memory; its sockets closed.
    expect(await storedDocs(server, w.groupA)).toEqual([])
    expect(await readableInStore(server, WORDS)).toEqual(['GROUP-B-WORDS'])
    await eventually(() => closes.lead === 4403 && closes.member === 4401, 'sockets closed')
    // Its keys are destroyed: nothing of it can be opened, from any copy, nor sealed again.
    await expect(keys.key(`group:${w.groupA}`)).rejects.toThrow(KeyErased)
    for (const m of [admitted, waiting, w.people.removed]) {
      await expect(keys.key(`member:${m.id}`)).rejects.toThrow(KeyErased)
    }
    const old = backup.open(docCipher(keys))
    for (const name of before) {
      const loaded = await old.load(name)
      expect(loaded.rejected?.rows, name).toBeGreaterThan(0)
      expect([loaded.snapshot, ...loaded.updates].filter(Boolean)).toEqual([])
    }
    await old.close()
    await backup.drop()

    // No row of the main database names the group, its sessions or its members any more, but
    // the trail (ids and counts), ended logins, and the group's own row, blanked.
    const ids = [w.groupA, w.session, admitted.id, waiting.id, w.people.removed.id]
    expect(await rowsNaming(server, ids, ['audit_log', 'logins', 'groups'])).toEqual([])
    const records = await server.services.data()
    const row = await records
      .selectFrom('groups')
      .select(['name', 'description', 'erased_at', 'erasure_finished_at'])
      .where('id', '=', w.groupA)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({ name: '', description: '' })
    expect(row.erased_at).toBeTypeOf('number')
    expect(row.erasure_finished_at).toBeTypeOf('number')

    // Its members are signed out and cannot sign in again.
    expect((await admitted.get('/api/me')).status).toBe(401)
    const signIn = await new HttpClient(server.url).post('/api/auth/member-login', {
      groupId: w.groupA,
      pseudonym: 'Robin',
      passphrase: PASSPHRASE,
    })
    expect(signIn.status).toBe(401)
    // The group is in no list, and every route for it answers 410 (group) or 404 (its parts).
    expect((await lead.get('/api/groups')).json.groups).toEqual([])
    for (const who of [lead, co]) {
      expect((await who.get(`/api/groups/${w.groupA}`)).status).toBe(410)
      expect((await who.get(`/api/groups/${w.groupA}/members`)).status).toBe(410)
      expect((await who.get(`/api/groups/${w.groupA}/sessions`)).status).toBe(410)
      expect((await who.get(`/api/groups/${w.groupA}/audit`)).status).toBe(410)
      expect((await who.get(`/api/sessions/${w.session}`)).status).toBe(404)
      expect((await who.get(`/api/sessions/${w.session}/worksheets`)).status).toBe(404)
    }
    expect((await lead.post(path, confirm)).status).toBe(410)

    const trail = await records
      .selectFrom('audit_log')
      .select(['actor_id', 'target_id', 'detail'])
      .where('action', '=', 'group.erased')
      .execute()
    expect(trail).toEqual([
      {
        actor_id: lead.id,
        target_id: w.groupA,
        detail: JSON.stringify({ members: 3, sessions: 1, documents: before.length }),
      },
    ])

    // Group B: its people, key and documents are as they were.
    expect((await otherFacilitator.get('/api/groups')).json.groups).toHaveLength(1)
    expect((await otherMember.get('/api/me')).status).toBe(200)
    expect(await keys.erased(`group:${w.groupB}`)).toBe(false)
    expect(await storedDocs(server, w.groupB)).toContain(w.docB)
    const words = await server.sync.serverRead(w.docB as DocName, (d) =>
      Buffer.from(Y.encodeStateAsUpdate(d)).includes('GROUP-B-WORDS'),
    )
    expect(words).toBe(true)
    // Nothing was written after its keys went (such a write would fail and stall the commits).
    expect(server.sync.health()).toEqual({ commitsFailing: null, damagedDocuments: 0 })
    expect(server.logs.filter((l) => Number(l.level) >= 50)).toEqual([])
  })

  it('an erasure a stopped server left half-way is finished by the scheduled job', async () => {
    const server = world.server
    const w = await groupsWithWords()
    // As if the server stopped right after the first step: the group is closed, nothing gone.
    const records = await server.services.data()
    await records
      .updateTable('groups')
      .set({ erased_at: server.services.now() })
      .where('id', '=', w.groupA)
      .execute()
    expect((await storedDocs(server, w.groupA)).length).toBeGreaterThan(0)
    expect((await w.people.lead.get(`/api/groups/${w.groupA}`)).status).toBe(410)

    expect(await finishGroupErasures(server.services)).toBe(1)
    expect(await storedDocs(server, w.groupA)).toEqual([])
    expect(await server.services.keys.erased(`group:${w.groupA}`)).toBe(true)
    expect((await w.people.admitted.get('/api/me')).status).toBe(401)
    expect(
      await rowsNaming(server, [w.session, w.people.admitted.id], ['audit_log', 'logins']),
    ).toEqual([])
    expect(await finishGroupErasures(server.services)).toBe(0)
    expect(await storedDocs(server, w.groupB)).toContain(w.docB)
  })

  it('two erasures of one group at once erase it once, with one entry', async () => {
    const server = world.server
    const w = await groupsWithWords()
    // Both past the route's checks (a double click, or two instances): one erases.
    const lead = {
      kind: 'facilitator',
      id: w.people.lead.id,
      name: 'Dr Lead',
    } as FacilitatorPrincipal
    const results = await Promise.all([1, 2].map(() => eraseGroup(server.services, w.groupA, lead)))
    expect(results.filter((r) => r === null)).toHaveLength(1)
    const entries = await (
      await server.services.data()
    )
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'group.erased')
      .where('group_id', '=', w.groupA)
      .execute()
    expect(entries).toHaveLength(1)
    expect(await server.services.keys.erased(`group:${w.groupA}`)).toBe(true)
    // The route answers the second as it answers any request for a deleted group.
    const again = await w.people.lead.post(`/api/groups/${w.groupA}/erase`, {
      confirm: 'erase',
      name: 'Group A',
    })
    expect(again.status).toBe(410)
  })
})
