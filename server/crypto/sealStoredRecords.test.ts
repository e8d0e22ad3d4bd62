import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { BUILT_IN_TEMPLATES } from '../../shared/worksheets/templateLibrary.ts'
import { WORKSHEET_FRAGMENT } from '../../shared/worksheets/worksheetFragment.ts'
import { connectProvider } from '../test/connectProvider.ts'
import { typeIntoField } from '../test/typeIntoField.ts'
import { HttpClient } from '../test/httpClient.ts'
import { png } from '../test/pngBytes.ts'
import { addWorksheet, openSession } from '../test/roomWorld.ts'
import { startTestServer } from '../test/startTestServer.ts'
import { foundInDatabase } from '../test/foundInDatabase.ts'

describe('records an older install stored in clear', () => {
  it('[C19] are sealed at the next start, once, in place, with counts in the log, and still read back', async () => {
    const now = Date.UTC(2026, 0, 5, 9)
    const first = await startTestServer({}, { sqliteFile: true, now: () => now })
    const { lead, groupId, sessionId, members } = await openSession(first, ['Robin'])
    const robin = members[0]!
    const posted = await robin.post(`/api/sessions/${sessionId}/chat`, { text: 'sealed soon' })
    const sent = await lead.post(`/api/sessions/${sessionId}/measures`, { measure: 'gad7' })
    await robin.post(`/api/sessions/${sessionId}/measures/${sent.json.id}/answers`, {
      answers: [1, 1, 1, 1, 1, 1, 1],
    })
    const made = await lead.post('/api/decks', { title: 'Pictures' })
    const bytes = png({ name: 'tEXt', data: Buffer.from('Comment\0LEGACY-PICTURE-QZ') })
    const uploaded = (await (
      await fetch(`${first.url}/api/decks/${made.json.id}/images`, {
        method: 'POST',
        headers: { cookie: lead.cookie!, 'content-type': 'image/png' },
        body: new Uint8Array(bytes),
      })
    ).json()) as { hash: string; url: string }
    // What an install before encryption at rest wrote: the same rows, in clear.
    const sql = first.db.sql
    sql
      .prepare('UPDATE chat_messages SET text = ? WHERE id = ?')
      .run('LEGACY-CHAT-QZ', posted.json.id)
    sql
      .prepare('UPDATE agreements SET text = ? WHERE group_id = ?')
      .run('LEGACY-AGREEMENT-QZ', groupId)
    sql.prepare('UPDATE images SET data = ?, sealed = 0 WHERE hash = ?').run(bytes, uploaded.hash)
    sql
      .prepare("UPDATE measure_answers SET answers = '[1,1,1,1,1,1,1]', score = 7, band = 'Mild'")
      .run()
    expect(foundInDatabase(first, ['LEGACY-CHAT-QZ', 'LEGACY-AGREEMENT-QZ'])).toHaveLength(2)
    await first.close()

    const second = await startTestServer(
      {},
      { sqliteFile: true, dataDir: first.dataDir, now: () => now },
    )
    try {
      const stored = second.db.sql
        .prepare(
          `SELECT (SELECT text FROM chat_messages WHERE id = ?) AS chat,
             (SELECT text FROM agreements WHERE group_id = ?) AS agreement,
             (SELECT sealed FROM images WHERE hash = ?) AS image`,
        )
        .get(posted.json.id, groupId, uploaded.hash) as {
        chat: string
        agreement: string
        image: number
      }
      expect(stored.chat).toMatch(/^sealed:/)
      expect(stored.agreement).toMatch(/^sealed:/)
      expect(stored.image).toBe(1)
      expect(
        foundInDatabase(second, ['LEGACY-CHAT-QZ', 'LEGACY-AGREEMENT-QZ', 'LEGACY-PICTURE-QZ']),
      ).toEqual([])
      const logged = second.logs.find((l) => l.msg === 'sealed records stored in clear')
      expect(logged).toMatchObject({
        sealed: {
          'chat_messages.text': 1,
          'agreements.text': 1,
          'images.data': 1,
          'measure_answers.answers': 1,
          'measure_answers.score': 1,
          'measure_answers.band': 1,
        },
        keyless: 0,
      })
      expect(JSON.stringify(second.logs)).not.toContain('LEGACY-')

      // Read back through the routes, as written by the older install.
      const again = new HttpClient(second.url)
      again.cookie = lead.cookie
      const older = await again.get(`/api/sessions/${sessionId}/chat/older?before=1000`)
      expect(older.json.messages.map((m: { text: string }) => m.text)).toEqual(['LEGACY-CHAT-QZ'])
      expect((await again.get(`/api/groups/${groupId}`)).json.agreement.text).toBe(
        'LEGACY-AGREEMENT-QZ',
      )
      const robinAgain = new HttpClient(second.url)
      robinAgain.cookie = robin.cookie
      expect((await robinAgain.get('/api/member/measures')).json.measures[0]).toMatchObject({
        score: 7,
        band: 'Mild',
      })
      const served = await fetch(`${second.url}${uploaded.url}`, {
        headers: { cookie: lead.cookie! },
      })
      expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true)
    } finally {
      await second.close()
    }

    // Once only: a third start finds nothing in clear and says nothing.
    const third = await startTestServer(
      {},
      { sqliteFile: true, dataDir: first.dataDir, now: () => now },
    )
    try {
      expect(third.logs.some((l) => l.msg === 'sealed records stored in clear')).toBe(false)
    } finally {
      await third.close()
    }
  })

  it('[C19] check-in words, templates, worksheets, invitation notes, the waiting-room word and snapshots too', async () => {
    const now = Date.UTC(2026, 0, 5, 9)
    const first = await startTestServer({}, { sqliteFile: true, now: () => now })
    const { lead, groupId, sessionId, members } = await openSession(first, ['Robin'])
    const robin = members[0]!
    const checkin = await lead.post(`/api/sessions/${sessionId}/checkins`, {
      kind: 'word',
      moment: 'start',
    })
    await robin.put(`/api/sessions/${sessionId}/checkins/${checkin.json.id}/answer`, { word: 'x' })
    await lead.post(`/api/sessions/${sessionId}/waiting-message`, { text: 'soon' })
    const invited = await lead.post(`/api/groups/${groupId}/invitations`, {
      maxUses: 1,
      expiresInHours: 24,
    })
    const { content } = BUILT_IN_TEMPLATES[0]!
    const template = await lead.post('/api/templates', {
      title: 't',
      summary: '',
      source: '',
      content,
    })
    const custom = await addWorksheet(lead, sessionId, 'shared', template.json.id)
    const sheet = await addWorksheet(lead, sessionId, 'shared')
    const live = connectProvider(
      first.wsUrl,
      sessionDocName.shared(groupId, sessionId, sheet),
      null,
      {
        cookie: robin.cookie!,
      },
    )
    await live.synced()
    typeIntoField(live.doc, 'situation', 'LEGACY-SNAPSHOT-QZ')
    await live.saved()
    live.destroy()
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'ended' })
    const snapshot = first.db.sql
      .prepare('SELECT id, doc FROM session_snapshots WHERE worksheet_id = ?')
      .get(sheet) as { id: string; doc: DocName }
    const state = await first.sync.serverRead(snapshot.doc, (doc) => Y.encodeStateAsUpdate(doc))
    // What an install before encryption at rest wrote: the same rows, in clear.
    const sql = first.db.sql
    sql.prepare("UPDATE checkin_answers SET word = 'lantern'").run()
    sql
      .prepare('UPDATE sessions SET waiting_message = ? WHERE id = ?')
      .run(JSON.stringify({ text: 'LEGACY-WAIT-QZ', at: now }), sessionId)
    sql
      .prepare("UPDATE invitations SET label = 'LEGACY-LABEL-QZ' WHERE id = ?")
      .run(invited.json.id)
    sql
      .prepare(
        "UPDATE worksheet_templates SET title = 'LEGACY-TEMPLATE-QZ', summary = '', source = '', content = ?",
      )
      .run(JSON.stringify(content))
    sql
      .prepare('UPDATE worksheets SET content = ? WHERE id = ?')
      .run(JSON.stringify(content), custom)
    sql
      .prepare('UPDATE session_snapshots SET data = ?, sealed = 0 WHERE id = ?')
      .run(state, snapshot.id)
    await first.close()

    const second = await startTestServer(
      {},
      { sqliteFile: true, dataDir: first.dataDir, now: () => now },
    )
    const as = (who: HttpClient) =>
      Object.assign(new HttpClient(second.url), { cookie: who.cookie })
    try {
      expect(second.logs.find((l) => l.msg === 'sealed records stored in clear')).toMatchObject({
        sealed: {
          'checkin_answers.word': 1,
          'sessions.waiting_message': 1,
          'invitations.label': 1,
          'worksheet_templates.title': 1,
          'worksheet_templates.content': 1,
          'worksheets.content': 1,
          'session_snapshots.data': 1,
        },
      })
      expect(
        foundInDatabase(second, [
          'LEGACY-WAIT-QZ',
          'LEGACY-LABEL-QZ',
          'LEGACY-TEMPLATE-QZ',
          'lantern',
        ]),
      ).toEqual([])
      const [lead2, robin2] = [as(lead), as(robin)]
      expect((await robin2.get('/api/member/checkins')).json.checkins[0].word).toBe('lantern')
      expect((await lead2.get(`/api/sessions/${sessionId}/waiting-room`)).json.message.text).toBe(
        'LEGACY-WAIT-QZ',
      )
      const invitations = (await lead2.get(`/api/groups/${groupId}/invitations`)).json.invitations
      expect(invitations.map((i: { label: string }) => i.label)).toContain('LEGACY-LABEL-QZ')
      const templates = (await lead2.get('/api/templates')).json.templates as { title: string }[]
      expect(templates.map((t) => t.title)).toContain('LEGACY-TEMPLATE-QZ')
      const seeded = connectProvider(
        second.wsUrl,
        sessionDocName.shared(groupId, sessionId, custom),
        null,
        { cookie: lead.cookie! },
      )
      await seeded.synced()
      expect(seeded.doc.getXmlFragment(WORKSHEET_FRAGMENT).length).toBeGreaterThan(0)
      seeded.destroy()
      const read = await robin2.get(`/api/snapshots/${snapshot.id}`)
      expect(JSON.stringify(read.json.content)).toContain('LEGACY-SNAPSHOT-QZ')
    } finally {
      await second.close()
    }
  })
})
