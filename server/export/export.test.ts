import { describe, expect, it } from 'vitest'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { member } from '../test/groupWorld.ts'
import { pdfText } from '../test/pdfText.ts'
import { openSession, serverPerTest } from '../test/roomWorld.ts'
import { typeIntoField } from '../test/typeIntoField.ts'

describe('exporting a worksheet', () => {
  const world = serverPerTest()

  it("gives a member their own copy as Markdown and PDF, with their words, and nobody else's", async () => {
    const server = world.server
    const { lead, groupId, sessionId, members } = await openSession(server, ['Robin', 'Sky'])
    const [robin, sky] = members as [(typeof members)[0], (typeof members)[0]]
    const late = await member(server, lead, groupId, 'Ash')
    const worksheetId = (
      await lead.post(`/api/sessions/${sessionId}/worksheets`, {
        templateId: 'thought-record',
        mode: 'private',
      })
    ).json.id as string
    const words = 'Ночью не спал — *still* <calm>, Ωmega'
    const copy = await world.open(
      sessionDocName.private(groupId, sessionId, worksheetId, robin.id),
      robin,
    )
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
    const records = await server.services.data()
    const trail = JSON.stringify(await records.selectFrom('audit_log').selectAll().execute())
    expect(trail.match(/worksheet\.exported/g)).toHaveLength(3)
    expect(trail).not.toContain('Ночью')
  })
})
