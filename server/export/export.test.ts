import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { connectProvider, type TestClient } from '../test/connectProvider.ts'
import { facilitator, groupBody, member, scheduleSession } from '../test/groupWorld.ts'
import { pdfText } from '../test/pdfText.ts'
import { startTestServer, type TestServer } from '../test/startTestServer.ts'
import { typeIntoField } from '../test/typeIntoField.ts'

describe('exporting a worksheet', () => {
  let server: TestServer
  const clients: TestClient[] = []
  beforeEach(async () => {
    server = await startTestServer()
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server.close()
  })

  it("gives a member their own copy as Markdown and PDF, with their words, and nobody else's", async () => {
    const lead = await facilitator(server, 'lead@x.example', 'Dr Lead')
    const groupId = (await lead.post('/api/groups', groupBody('G'))).json.id
    const robin = await member(server, lead, groupId, 'Robin')
    const sky = await member(server, lead, groupId, 'Sky')
    const late = await member(server, lead, groupId, 'Ash')
    const sessionId = await scheduleSession(server, lead, groupId, 'Week 3: Sleep')
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'open' })
    for (const m of [robin, sky]) await m.post(`/api/sessions/${sessionId}/join`)
    await lead.post(`/api/sessions/${sessionId}/admit`, { all: true })
    const worksheetId = (
      await lead.post(`/api/sessions/${sessionId}/worksheets`, {
        templateId: 'thought-record',
        mode: 'private',
      })
    ).json.id as string
    const words = 'Ночью не спал — *still* <calm>, Ωmega'
    const copy = connectProvider(
      server.wsUrl,
      sessionDocName.private(groupId, sessionId, worksheetId, robin.id),
      null,
      { cookie: robin.cookie! },
    )
    clients.push(copy)
    await copy.synced()
    typeIntoField(copy.doc, 'situation', words)
    await copy.saved()
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'ended' })

    const path = (format: string) => `/api/member/worksheets/${worksheetId}/export?format=${format}`
    const md = await robin.get(path('markdown'))
    expect(md.status).toBe(200)
    expect(md.headers.get('content-type')).toMatch(/^text\/markdown/)
    expect(md.headers.get('content-disposition')).toBe('attachment; filename="thought-record.md"')
    expect(md.headers.get('cache-control')).toBe('no-store')
    expect(md.text).toContain('# Thought record (my copy)')
    expect(md.text).toContain('### Situation')
    // Their words, with what Markdown would read as formatting escaped.
    expect(md.text).toContain('Ночью не спал — \\*still\\* \\<calm\\>, Ωmega')

    const pdf = await fetch(`${server.url}${path('pdf')}`, { headers: { cookie: robin.cookie! } })
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    const bytes = new Uint8Array(await pdf.arrayBuffer())
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-')
    const text = await pdfText(bytes)
    expect(text).toContain('Thought record (my copy)')
    expect(text.replace(/\s+/g, ' ')).toContain('Ночью не спал — *still* <calm>, Ωmega')

    // Sky's export of the same sheet is Sky's own copy: none of Robin's words.
    const skys = await sky.get(path('markdown'))
    expect(skys.status).toBe(200)
    expect(skys.text).not.toContain('Ночью')
    // Not in the session, not a member, not a format: refused, and nothing exported.
    expect((await late.get(path('markdown'))).status).toBe(403)
    expect((await lead.get(path('markdown'))).status).toBe(403)
    expect((await robin.get(path('docx'))).status).toBe(400)
    const trail = JSON.stringify(server.db.sql.prepare('SELECT * FROM audit_log').all())
    expect(trail.match(/worksheet\.exported/g)).toHaveLength(3)
    expect(trail).not.toContain('Ночью')
  })
})
