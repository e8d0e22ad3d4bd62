import { describe, expect, it } from 'vitest'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { principalFromLogin } from '../auth/principalFromLogin.ts'
import { CloseCode } from '../../shared/sync/closeCodes.ts'
import { eventually } from '../test/connectProvider.ts'
import { openSession, serverPerTest } from '../test/roomWorld.ts'

describe('homework', () => {
  const world = serverPerTest()

  it('is given after the session, written between sessions, and read only once closed', async () => {
    const server = world.server
    const { lead, groupId, sessionId, members } = await openSession(server, ['Robin'])
    const [robin] = members as [(typeof members)[0]]
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'ended' })

    const give = (body: object) => lead.post(`/api/sessions/${sessionId}/worksheets`, body)
    // After the end, only homework; and homework is a private sheet.
    expect((await give({ templateId: 'thought-record', mode: 'shared' })).status).toBe(409)
    expect(
      (await give({ templateId: 'thought-record', mode: 'shared', homework: true })).status,
    ).toBe(400)
    const given = await give({ templateId: 'thought-record', mode: 'private', homework: true })
    expect(given.status).toBe(201)
    const id = given.json.id as string
    const listed = (await robin.get('/api/member/library')).json.sessions[0].items
    const item = listed.find((i: { id: string }) => i.id === id)
    expect(item).toMatchObject({ writable: true, note: expect.stringMatching(/^Homework/) })

    const copyName = sessionDocName.private(groupId, sessionId, id, robin.id)
    const copy = await world.open(copyName, robin)
    const closes: number[] = []
    copy.provider.on('connection-close', (event: CloseEvent | null) => {
      if (event) closes.push(event.code)
    })
    copy.text.insert(0, 'done at home')
    await copy.saved()

    // Closed: Robin's open socket is re-decided at once, and the copy is read only.
    expect((await robin.post(`/api/worksheets/${id}/close`, { closed: true })).status).toBe(403)
    expect((await lead.post(`/api/worksheets/${id}/close`, { closed: true })).status).toBe(200)
    await eventually(() => closes.includes(CloseCode.documentReset), 'socket re-decided')
    const robinAsPrincipal = (await principalFromLogin(
      server.services,
      robin.cookie!.split('=')[1]!,
    ))!
    expect(await server.services.authorize(robinAsPrincipal, copyName as DocName)).toBe('read')
    const again = (await robin.get('/api/member/library')).json.sessions[0].items
    expect(again.find((i: { id: string }) => i.id === id)).toMatchObject({ writable: false })
    // Reopened: writable again.
    await lead.post(`/api/worksheets/${id}/close`, { closed: false })
    const reopened = (await robin.get('/api/member/library')).json.sessions[0].items
    expect(reopened.find((i: { id: string }) => i.id === id)).toMatchObject({ writable: true })
  })
})
