import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { currentTotp } from '../auth/totp.ts'
import { connectProvider, eventually, type TestClient } from '../test/connectProvider.ts'
import type { HttpClient } from '../test/httpClient.ts'
import { addWorksheet, openSession } from '../test/roomWorld.ts'
import { startTestServer, type TestServer } from '../test/startTestServer.ts'
import { typeIntoField } from '../test/typeIntoField.ts'

/** Every file under `dir`, recursively: database, its log, uploads, backups, keys. */
function everyFile(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? everyFile(path) : [path]
  })
}

const SENTENCES = {
  shared: 'I notice my chest tightens before every family dinner',
  private: 'Nobody knows I stopped taking the tablets in October',
  chat: 'Tonight is the first time I have said this out loud',
  notes: 'Robin seemed withdrawn; follow up about the October change',
  checkin: 'tangerine heaviness',
}

describe('[C19] health data at rest', () => {
  let server: TestServer | undefined
  const clients: TestClient[] = []
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server?.close()
    server = undefined
  })

  const open = async (doc: string, who: HttpClient) => {
    const client = connectProvider(server!.wsUrl, doc, null, { cookie: who.cookie! })
    clients.push(client)
    await client.synced()
    return client
  }
  const stored = (doc: string, text: string) =>
    eventually(
      () =>
        server!.sync.serverRead(doc as DocName, (d) =>
          Buffer.from(Y.encodeStateAsUpdate(d)).includes(Buffer.from(text)),
        ),
      `${doc} on the server`,
    )

  it('after a session with worksheets, chat, notes and a check-in, no sentence typed and no two-factor secret is in the data folder', async () => {
    let now = Date.parse('2026-03-02T17:00:00Z')
    server = await startTestServer({ HEARTH_BACKUP_EVERY_HOURS: '24' }, { now: () => now })
    const { lead, groupId, sessionId, members } = await openSession(server, ['Robin', 'Sky'])
    const [robin] = members
    const { secret } = (await lead.post('/api/facilitator/totp/setup')).json
    expect(
      (await lead.post('/api/facilitator/totp/enable', { code: currentTotp(secret, now) })).status,
    ).toBe(200)
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'live' })

    const sharedId = await addWorksheet(lead, sessionId, 'shared')
    const privateId = await addWorksheet(lead, sessionId, 'private')
    const listed = (await robin!.get(`/api/sessions/${sessionId}/worksheets`)).json.worksheets as {
      id: string
      document: string
    }[]
    const shared = await open(listed.find((w) => w.id === sharedId)!.document, robin!)
    typeIntoField(shared.doc, 'situation', SENTENCES.shared)
    const copy = await open(listed.find((w) => w.id === privateId)!.document, robin!)
    typeIntoField(copy.doc, 'situation', SENTENCES.private)
    const notesName = sessionDocName.notes(groupId, sessionId)
    const notes = await open(notesName, lead)
    notes.doc.getText('probe').insert(0, SENTENCES.notes)
    expect(
      (await robin!.post(`/api/sessions/${sessionId}/chat`, { text: SENTENCES.chat })).status,
    ).toBeLessThan(300)
    const checkin = await lead.post(`/api/sessions/${sessionId}/checkins`, {
      kind: 'both',
      moment: 'start',
    })
    expect(
      (
        await robin!.put(`/api/sessions/${sessionId}/checkins/${checkin.json.id}/answer`, {
          mood: 4,
          word: SENTENCES.checkin,
        })
      ).status,
    ).toBeLessThan(300)
    await stored(sessionDocName.shared(groupId, sessionId, sharedId), SENTENCES.shared)
    await stored(
      sessionDocName.private(groupId, sessionId, privateId, robin!.id),
      SENTENCES.private,
    )
    await stored(notesName, SENTENCES.notes)
    // The session ends: its snapshots are taken; the room keeps what it showed.
    now += 20 * 60_000
    expect((await lead.post(`/api/sessions/${sessionId}/status`, { status: 'ended' })).status).toBe(
      200,
    )
    // Still readable by those allowed, through the server.
    expect((await robin!.get(`/api/sessions/${sessionId}/chat/older?before=999`)).text).toContain(
      SENTENCES.chat,
    )

    // A backup is taken (the schedule's first is due at once) while the sockets are open.
    await server.runBackups()
    for (const c of clients.splice(0)) c.destroy()
    const { dataDir } = server
    await server.close()
    server = undefined
    const files = everyFile(dataDir)
    expect(files.some((f) => f.endsWith('hearth.sqlite'))).toBe(true)
    expect(files.filter((f) => f.endsWith('.hbak'))).toHaveLength(1)
    const needles = [
      ...Object.values(SENTENCES),
      // Parts of sentences, as Yjs may store a typed sentence in pieces.
      'chest tightens',
      'stopped taking the tablets',
      'said this out loud',
      'seemed withdrawn',
      secret,
      Buffer.from(secret).toString('base64'),
    ]
    const found = files.flatMap((file) => {
      const bytes = readFileSync(file)
      return needles.filter((n) => bytes.includes(Buffer.from(n))).map((n) => `${n} in ${file}`)
    })
    expect(found).toEqual([])
  })
})
