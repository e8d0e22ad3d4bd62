import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { sessionDocName } from '../../../shared/documents/docKinds.ts'
import type { HttpClient } from '../../test/httpClient.ts'
import { pdfText } from '../../test/pdfText.ts'
import { addWorksheet, openSession, serverPerTest } from '../../test/roomWorld.ts'
import { typeIntoField } from '../../test/typeIntoField.ts'

/** Every file of a zip, by path; the zip read by an independent reader. */
async function download(who: HttpClient, baseUrl: string, path: string) {
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie: who.cookie ?? '' } })
  const bytes = new Uint8Array(await res.arrayBuffer())
  return {
    status: res.status,
    length: Number(res.headers.get('content-length')),
    bytes,
    files: res.ok ? unzipSync(bytes) : {},
  }
}

/** All the text in an archive: Markdown and HTML as they are, PDFs read back with pdf.js. */
async function textOf(files: Record<string, Uint8Array>): Promise<string> {
  const parts: string[] = []
  for (const [path, data] of Object.entries(files)) {
    parts.push(path.endsWith('.pdf') ? await pdfText(data) : new TextDecoder().decode(data))
  }
  return parts.join('\n')
}

describe('exporting everything at once', () => {
  const world = serverPerTest()

  it('gives a member their own material with an index, and a facilitator what was shared with them; nobody else’s private words', async () => {
    const server = world.server
    const { lead, groupId, sessionId, members } = await openSession(server, ['Robin', 'Sky'])
    const [robin, sky] = members as [(typeof members)[0], (typeof members)[0]]
    const add = (mode: 'shared' | 'private') => addWorksheet(lead, sessionId, mode)
    const shared = await add('shared')
    const priv = await add('private')
    const group = await world.open(sessionDocName.shared(groupId, sessionId, shared), robin)
    typeIntoField(group.doc, 'situation', 'GROUP-WORDS')
    await group.saved()
    const robins = await world.open(
      sessionDocName.private(groupId, sessionId, priv, robin.id),
      robin,
    )
    typeIntoField(robins.doc, 'situation', 'ROBIN-OWN-WORDS')
    await robins.saved()
    const skys = await world.open(sessionDocName.private(groupId, sessionId, priv, sky.id), sky)
    typeIntoField(skys.doc, 'situation', 'SKY-OWN-WORDS')
    typeIntoField(skys.doc, 'balanced-thought', 'SKY-SHARED-ANSWER')
    await skys.saved()
    await sky.post(`/api/worksheets/${priv}/share`, { audience: 'facilitators', shared: true })
    await sky.post(`/api/worksheets/${priv}/share`, {
      audience: 'facilitators',
      shared: true,
      fieldId: 'balanced-thought',
    })
    // A title that is markup: the index shows it as words.
    const records = await server.services.data()
    await records
      .updateTable('sessions')
      .set({ title: 'Week 1 <script>alert(1)</script>' })
      .where('id', '=', sessionId)
      .execute()
    await robin.post(`/api/sessions/${sessionId}/chat`, { text: 'CHAT-WORDS from nobody' })
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'ended' })
    await server.sync.drain()

    const mine = await download(robin, server.url, '/api/member/export')
    expect(mine.status).toBe(200)
    expect(mine.length).toBe(mine.bytes.byteLength)
    const paths = Object.keys(mine.files).sort()
    expect(paths).toContain('index.html')
    expect(paths.filter((p) => p.endsWith('.pdf'))).toHaveLength(2)
    expect(paths.filter((p) => p.endsWith('.md'))).toHaveLength(2)
    // Every path is a plain slug inside the archive.
    for (const p of paths) expect(p).toMatch(/^(index\.html|[a-z0-9-]+\/[a-z0-9-]+\.(md|pdf))$/)
    const index = new TextDecoder().decode(mine.files['index.html'])
    for (const p of paths.filter((p) => p !== 'index.html')) expect(index).toContain(`href="${p}"`)
    expect(index).toContain('&lt;script&gt;')
    expect(index).not.toContain('<script>')
    const robinsText = await textOf(mine.files)
    expect(robinsText).toContain('ROBIN-OWN-WORDS')
    expect(robinsText).toContain('GROUP-WORDS')
    expect(robinsText).not.toMatch(/SKY-OWN|SKY-SHARED/)
    // The chat is the group's words, not the member's own material.
    expect(robinsText).not.toContain('CHAT-WORDS')

    // The facilitators: the group's sheet, Sky's shared copy and answer; never Robin's copy.
    const session = await download(lead, server.url, `/api/sessions/${sessionId}/export`)
    expect(session.status).toBe(200)
    const leadsText = await textOf(session.files)
    expect(leadsText).toContain('GROUP-WORDS')
    expect(leadsText).toContain('SKY-OWN-WORDS')
    expect(leadsText).toContain('SKY-SHARED-ANSWER')
    expect(leadsText).not.toContain('ROBIN-OWN-WORDS')
    // The chat as the group saw it: the words, never who wrote them.
    expect(leadsText).toContain('**Anonymous member**')
    expect(leadsText).toContain('CHAT-WORDS from nobody')

    // Withheld from members: the group's sheet leaves Robin's archive; Robin's copy stays.
    await lead.put(`/api/sessions/${sessionId}/release`, { withheld: ['worksheets'], days: null })
    const later = await textOf((await download(robin, server.url, '/api/member/export')).files)
    expect(later).toContain('ROBIN-OWN-WORDS')
    expect(later).not.toContain('GROUP-WORDS')

    // Members cannot take the session's archive; the trail counts, never quotes.
    expect((await download(robin, server.url, `/api/sessions/${sessionId}/export`)).status).toBe(
      403,
    )
    const trail = await records
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', 'in', ['member.exported', 'session.exported'])
      .orderBy('seq')
      .execute()
    expect(trail.map((t) => [t.action, JSON.parse(t.detail)])).toEqual([
      ['member.exported', { documents: 2 }],
      ['session.exported', { documents: 4 }],
      ['member.exported', { documents: 1 }],
    ])
  })
})
