import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DocName } from '../../shared/documents/docName.ts'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { CloseCode } from '../../shared/sync/closeCodes.ts'
import { thoughtRecord } from '../../shared/worksheets/templates/thoughtRecord.ts'
import { WORKSHEET_FRAGMENT } from '../../shared/worksheets/worksheetFragment.ts'
import { connectProvider, eventually, type TestClient } from '../test/connectProvider.ts'
import { facilitator, groupBody, member, scheduleSession } from '../test/groupWorld.ts'
import { openRawSocket } from '../test/rawSocket.ts'
import { startTestServer, type TestServer } from '../test/startTestServer.ts'
import { fieldParagraph, typeIntoField } from '../test/typeIntoField.ts'

describe('worksheets, consent to share, and the silent signal', () => {
  let server: TestServer
  const clients: TestClient[] = []
  let lead: Awaited<ReturnType<typeof facilitator>>
  let robin: Awaited<ReturnType<typeof member>>
  let sky: Awaited<ReturnType<typeof member>>
  let groupId: string
  let sessionId: string
  const open = (doc: string, who: { cookie: string | null }) => {
    const client = connectProvider(server.wsUrl, doc, null, { cookie: who.cookie! })
    clients.push(client)
    return client
  }

  beforeEach(async () => {
    server = await startTestServer()
    lead = await facilitator(server, 'lead@x.example', 'Dr Lead')
    groupId = (await lead.post('/api/groups', groupBody('G'))).json.id
    robin = await member(server, lead, groupId, 'Robin')
    sky = await member(server, lead, groupId, 'Sky')
    sessionId = await scheduleSession(server, lead, groupId, 'W1')
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'open' })
    for (const m of [robin, sky]) await m.post(`/api/sessions/${sessionId}/join`)
    await lead.post(`/api/sessions/${sessionId}/admit`, { all: true })
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await server.close()
  })

  it('seeds a shared worksheet once, on the server, however many open it at the same moment', async () => {
    const { id } = (
      await lead.post(`/api/sessions/${sessionId}/worksheets`, {
        templateId: 'thought-record',
        mode: 'shared',
      })
    ).json
    const doc = sessionDocName.shared(groupId, sessionId, id)
    const views = [open(doc, lead), open(doc, robin), open(doc, sky), open(doc, robin)]
    await Promise.all(views.map((v) => v.synced()))
    for (const view of views) {
      const json = yXmlFragmentToProsemirrorJSON(view.doc.getXmlFragment(WORKSHEET_FRAGMENT))
      expect(json.content).toHaveLength(thoughtRecord.content.content!.length)
      expect(JSON.stringify(json)).toContain('Automatic thoughts')
    }
    await server.sync.drain()
    // One seed row, not one per client.
    const stored = await server.store.load(doc as DocName)
    expect(stored.updates.length + (stored.snapshot ? 1 : 0)).toBe(1)
  })

  it("a private worksheet is its owner's alone until shared, and sharing is live both ways", async () => {
    const { id } = (
      await lead.post(`/api/sessions/${sessionId}/worksheets`, {
        templateId: 'gratitude-journal',
        mode: 'private',
      })
    ).json
    // Robin opens the copy by the opaque name the listing gives; it carries no member id (C1).
    const robinsCopy = (
      await robin.get(`/api/sessions/${sessionId}/worksheets`)
    ).json.worksheets.find((w: { id: string }) => w.id === id).document as string
    expect(robinsCopy).toMatch(/\/copy\/c[a-z2-7]{20}$/)
    expect(robinsCopy).not.toContain(robin.id)
    const stored = sessionDocName.private(groupId, sessionId, id, robin.id)
    const mine = open(robinsCopy, robin)
    await mine.synced()
    expect(
      JSON.stringify(yXmlFragmentToProsemirrorJSON(mine.doc.getXmlFragment(WORKSHEET_FRAGMENT))),
    ).toContain('Good thing 1')

    // Sky (another member) and the facilitator cannot open it, by its opaque name or by its
    // stored name written by hand, nor by a made-up key.
    const madeUp = sessionDocName.copy(groupId, sessionId, 'c' + 'a'.repeat(20))
    for (const name of [robinsCopy, stored, madeUp]) {
      for (const who of [sky, lead]) {
        await expect(
          openRawSocket(server.wsUrl, name, null, { cookie: who.cookie! }),
        ).rejects.toThrow('HTTP 403')
      }
    }
    expect(
      JSON.stringify((await sky.get(`/api/sessions/${sessionId}/worksheets`)).json),
    ).not.toContain(robin.id)

    // Robin shares with the facilitators: the lead can read, Sky still cannot.
    expect(
      (await robin.post(`/api/worksheets/${id}/share`, { audience: 'facilitators', shared: true }))
        .status,
    ).toBe(200)
    const listed = (await lead.get(`/api/sessions/${sessionId}/worksheets`)).json.worksheets[0]
    expect(listed.sharedWithYou).toEqual([
      { name: 'Robin', colour: expect.any(String), document: robinsCopy },
    ])
    const leadView = open(robinsCopy, lead)
    await leadView.synced()
    mine.doc
      .getXmlFragment(WORKSHEET_FRAGMENT)
      .insert(0, [new (await import('yjs')).XmlText('written live')])
    await eventually(
      () => leadView.doc.getXmlFragment(WORKSHEET_FRAGMENT).toString().includes('written live'),
      'live edit',
    )
    await expect(
      openRawSocket(server.wsUrl, robinsCopy, null, { cookie: sky.cookie! }),
    ).rejects.toThrow('HTTP 403')

    // Taking it back closes the facilitator's socket at once.
    const closes: number[] = []
    leadView.provider.on('connection-close', (e) => closes.push(e?.code ?? -1))
    await robin.post(`/api/worksheets/${id}/share`, { audience: 'facilitators', shared: false })
    await eventually(() => closes.includes(CloseCode.forbidden), 'facilitator socket closed')
    await expect(
      openRawSocket(server.wsUrl, robinsCopy, null, { cookie: lead.cookie! }),
    ).rejects.toThrow('HTTP 403')
  })

  it('one answer can be shared with the group and taken back, live, and nothing else leaks', async () => {
    const { id } = (
      await lead.post(`/api/sessions/${sessionId}/worksheets`, {
        templateId: 'thought-record',
        mode: 'private',
      })
    ).json
    const mine = open(sessionDocName.private(groupId, sessionId, id, robin.id), robin)
    await mine.synced()
    typeIntoField(mine.doc, 'situation', 'SECRET-SITUATION at work')
    typeIntoField(mine.doc, 'balanced-thought', 'I can cope')
    await mine.saved()

    const groupAnswers = sessionDocName.answers(groupId, sessionId, id, 'group')
    const skyView = open(groupAnswers, sky)
    await skyView.synced()
    await expect(
      openRawSocket(
        server.wsUrl,
        sessionDocName.answers(groupId, sessionId, id, 'facilitators'),
        null,
        { cookie: sky.cookie! },
      ),
    ).rejects.toThrow('HTTP 403')
    const shared = () =>
      [...skyView.doc.getMap<string>('answers').values()].map((v) => JSON.parse(v))

    expect(
      (
        await robin.post(`/api/worksheets/${id}/share`, {
          audience: 'group',
          shared: true,
          fieldId: 'balanced-thought',
        })
      ).status,
    ).toBe(200)
    await eventually(() => shared().length === 1, 'answer shared')
    expect(shared()[0]).toMatchObject({
      name: 'Robin',
      label: 'A more balanced thought',
      text: 'I can cope',
    })

    // Later edits follow, once typing settles.
    ;(fieldParagraph(mine.doc, 'balanced-thought').get(0) as Y.XmlText).insert(
      10,
      ', one step at a time',
    )
    await eventually(
      () => shared()[0]?.text === 'I can cope, one step at a time',
      'live edit mirrored',
    )

    await robin.post(`/api/worksheets/${id}/share`, {
      audience: 'group',
      shared: false,
      fieldId: 'balanced-thought',
    })
    await eventually(() => shared().length === 0, 'answer withdrawn')
    const everything = JSON.stringify(skyView.doc.toJSON())
    expect(everything).not.toContain('SECRET-SITUATION')
    expect(everything).not.toContain(robin.id)
  })

  it('the silent signal reaches facilitators only, checked at the socket', async () => {
    const signals = sessionDocName.signals(groupId, sessionId)
    const room = sessionDocName.room(groupId, sessionId)
    const facilitatorView = open(signals, lead)
    await facilitatorView.synced()
    await expect(
      openRawSocket(server.wsUrl, signals, null, { cookie: sky.cookie! }),
    ).rejects.toThrow('HTTP 403')
    // Sky sits in the room and records every frame it receives there.
    const skyInRoom = await openRawSocket(server.wsUrl, room, null, {
      cookie: sky.cookie!,
      acks: false,
    })
    expect((await robin.post(`/api/sessions/${sessionId}/signal`, { kind: 'not-ok' })).status).toBe(
      201,
    )
    await eventually(
      () => facilitatorView.doc.getArray('signals').length === 1,
      'signal at the facilitator',
    )
    expect(facilitatorView.doc.getArray('signals').get(0)).toMatchObject({
      kind: 'not-ok',
      name: 'Robin',
    })
    await new Promise((r) => setTimeout(r, 100))
    const heard = skyInRoom.frames.map((f) => Buffer.from(f).toString('latin1')).join('')
    expect(heard).not.toContain('not-ok')
    skyInRoom.ws.close()
    // Pressing again is fine; a stream of signals is not.
    expect(
      (await robin.post(`/api/sessions/${sessionId}/signal`, { kind: 'need-a-moment' })).status,
    ).toBe(201)
    expect(
      (await robin.post(`/api/sessions/${sessionId}/signal`, { kind: 'need-a-moment' })).status,
    ).toBe(201)
    expect(
      (await robin.post(`/api/sessions/${sessionId}/signal`, { kind: 'need-a-moment' })).status,
    ).toBe(429)
    // A facilitator cannot send one at all.
    expect((await lead.post(`/api/sessions/${sessionId}/signal`, { kind: 'not-ok' })).status).toBe(
      403,
    )
  })
})
