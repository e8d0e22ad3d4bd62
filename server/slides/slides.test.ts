import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { ROOM_STATE } from '../../shared/sessions/roomState.ts'
import { bodyFragment, notesFragment, slidesOf } from '../../shared/slides/deckDoc.ts'
import { MessageType } from '../../shared/sync/messageTypes.ts'
import { eventually } from '../test/connectProvider.ts'
import { openRawSocket } from '../test/rawSocket.ts'
import { openSession, serverPerTest } from '../test/roomWorld.ts'

describe('slides: decks, the session’s copy, speaker notes and presenting', () => {
  const world = serverPerTest()

  it('members read the slides brought into their session, never the speaker notes, and only facilitators move the presented slide', async () => {
    const server = world.server
    const { lead, groupId, sessionId, members } = await openSession(server, ['Robin'])
    const [robin] = members as [(typeof members)[0]]

    // The lead writes a deck in their library: two slides, and notes on the first.
    const made = await lead.post('/api/decks', { title: 'Sleep and worry' })
    expect(made.status).toBe(201)
    const deck = await world.open(made.json.document, lead)
    expect(slidesOf(deck.doc)).toHaveLength(1)
    expect(bodyFragment(deck.doc, slidesOf(deck.doc)[0]!.id).toString()).toContain(
      'Sleep and worry',
    )
    deck.doc.transact(() => {
      deck.doc.getArray<string>('order').push(['secondslide1'])
      deck.doc.getMap('slides').set('secondslide1', { layout: 'text' })
      bodyFragment(deck.doc, 'secondslide1').insert(0, [new Y.XmlText('WIND-DOWN-ROUTINE')])
    })
    await deck.saved()
    const notes = await world.open(made.json.notes, lead)
    notesFragment(notes.doc, slidesOf(deck.doc)[0]!.id).insert(0, [
      new Y.XmlText('SPEAKER-NOTE-ONLY-FOR-US'),
    ])
    await notes.saved()
    // Nobody but its editors opens a library deck or its notes.
    for (const name of [made.json.document, made.json.notes]) {
      await expect(
        openRawSocket(server.wsUrl, name, null, { cookie: robin.cookie! }),
      ).rejects.toThrow('HTTP 403')
    }

    // Brought into the session: the room lists it for everyone.
    const brought = await lead.post(`/api/sessions/${sessionId}/handouts`, {
      deckId: made.json.id,
    })
    expect(brought.status).toBe(201)
    const handoutId = brought.json.id as string
    const room = await world.open(sessionDocName.room(groupId, sessionId), robin)
    const state = () => room.doc.getMap(ROOM_STATE)
    await eventually(() => (state().get('handouts') as unknown[])?.length === 1, 'listed')
    expect(state().get('handouts')).toEqual([
      { id: handoutId, title: 'Sleep and worry', document: brought.json.document },
    ])

    // Robin reads the slides; every byte Robin's socket receives is recorded.
    const frames: Buffer[] = []
    class Recording extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie: robin.cookie! } })
        this.on('message', (data: Buffer) => frames.push(Buffer.from(data)))
      }
    }
    const slides = new Y.Doc()
    const provider = new WebsocketProvider(server.wsUrl, brought.json.document, slides, {
      WebSocketPolyfill: Recording as never,
      protocols: ['hearth'],
      disableBc: true,
    })
    await eventually(() => provider.synced, 'slides synced')
    expect(slidesOf(slides)).toHaveLength(2)
    expect(bodyFragment(slides, 'secondslide1').toString()).toContain('WIND-DOWN-ROUTINE')
    // The notes are the facilitators': refused at the socket, and in no frame Robin got.
    await expect(
      openRawSocket(
        server.wsUrl,
        sessionDocName.handoutNotes(groupId, sessionId, handoutId),
        null,
        { cookie: robin.cookie! },
      ),
    ).rejects.toThrow('HTTP 403')
    const leadNotes = await world.open(
      sessionDocName.handoutNotes(groupId, sessionId, handoutId),
      lead,
    )
    expect(leadNotes.doc.getXmlFragment(`notes:${slidesOf(deck.doc)[0]!.id}`).toString()).toContain(
      'SPEAKER-NOTE-ONLY-FOR-US',
    )
    expect(Buffer.concat(frames).includes('SPEAKER-NOTE')).toBe(false)
    expect(Buffer.concat(frames).includes('WIND-DOWN-ROUTINE')).toBe(true)

    // Robin's edits of the slides are refused: the session's copy is the facilitators'.
    const denied: string[] = []
    provider.messageHandlers[MessageType.auth] = (_enc, decoder) => {
      decoder.pos = decoder.arr.length
      denied.push('denied')
    }
    bodyFragment(slides, 'secondslide1').insert(0, [new Y.XmlText('ROBIN-WAS-HERE')])
    await eventually(() => denied.length > 0, 'permission denied')

    // The lead presents slide 2: Robin's room shows it. Robin cannot move it: the API says
    // no, and the room document refuses Robin's write.
    expect(
      (await lead.post(`/api/sessions/${sessionId}/present`, { handoutId, slide: 1 })).status,
    ).toBe(200)
    await eventually(
      () => (state().get('presented') as { slide?: number } | null)?.slide === 1,
      'presented slide',
    )
    expect(
      (await robin.post(`/api/sessions/${sessionId}/present`, { handoutId, slide: 0 })).status,
    ).toBe(403)
    state().set('presented', { kind: 'slides', id: handoutId, slide: 0, at: 1 })
    await new Promise((resolve) => setTimeout(resolve, 300))
    const watcher = await world.open(sessionDocName.room(groupId, sessionId), lead)
    expect((watcher.doc.getMap(ROOM_STATE).get('presented') as { slide: number }).slide).toBe(1)
    // A made-up deck, or a slide number out of range, is refused.
    expect(
      (await lead.post(`/api/sessions/${sessionId}/present`, { handoutId: 'hnope', slide: 0 }))
        .status,
    ).toBe(404)
    expect(
      (await lead.post(`/api/sessions/${sessionId}/present`, { handoutId, slide: -1 })).status,
    ).toBe(400)
    provider.destroy()
    await server.sync.drain()
    // Robin's refused edit reached nobody.
    const stored = await world.open(brought.json.document, lead)
    expect(bodyFragment(stored.doc, 'secondslide1').toString()).not.toContain('ROBIN-WAS-HERE')

    // After the session: the slides are in Robin's library and search, notes never; until the
    // facilitators withhold them.
    await lead.post(`/api/sessions/${sessionId}/status`, { status: 'ended' })
    const library = async () =>
      (
        (await robin.get('/api/member/library')).json.sessions[0].items as { kind: string }[]
      ).filter((i) => i.kind === 'slides')
    expect(await library()).toHaveLength(1)
    const found = (await robin.get('/api/member/search?q=wind-down')).json.results
    expect(found).toHaveLength(1)
    expect((await robin.get('/api/member/search?q=speaker-note')).json.results).toHaveLength(0)
    expect((await robin.get(`/api/sessions/${sessionId}/handouts`)).json.handouts).toHaveLength(1)
    await lead.put(`/api/sessions/${sessionId}/release`, { withheld: ['slides'], days: null })
    expect(await library()).toHaveLength(0)
    expect((await robin.get(`/api/sessions/${sessionId}/handouts`)).json.handouts).toEqual([])
    await expect(
      openRawSocket(server.wsUrl, brought.json.document, null, { cookie: robin.cookie! }),
    ).rejects.toThrow('HTTP 403')
  })
})
