import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { bodyFragment } from '../../shared/slides/deckDoc.ts'
import { eventually } from '../test/connectProvider.ts'
import type { HttpClient } from '../test/httpClient.ts'
import { openRawSocket } from '../test/rawSocket.ts'
import { openSession, serverPerTest } from '../test/roomWorld.ts'

describe('response slides', () => {
  const world = serverPerTest()

  it('count the answers; facilitators see them; the group sees only safe counts, when shown; no member receives another’s answer', async () => {
    const server = world.server
    const { lead, groupId, sessionId, members } = await openSession(server, [
      'Ana',
      'Ben',
      'Cal',
      'Dee',
    ])
    type Member = (typeof members)[0]
    const [ana, ben, cal, dee] = members as [Member, Member, Member, Member]
    // A deck with two questions: a choice, and a word.
    const made = await lead.post('/api/decks', { title: 'Check-in' })
    const deck = await world.open(made.json.document, lead)
    deck.doc.transact(() => {
      const slides = deck.doc.getMap('slides')
      slides.set('choiceslide1', {
        layout: 'response',
        response: { kind: 'choice', options: ['Well', 'So-so', 'Not well'] },
      })
      slides.set('wordslide001', { layout: 'response', response: { kind: 'word' } })
      deck.doc.getArray<string>('order').push(['choiceslide1', 'wordslide001'])
      bodyFragment(deck.doc, 'choiceslide1').insert(0, [new Y.XmlText('How did you sleep?')])
    })
    await deck.saved()
    const handout = (
      await lead.post(`/api/sessions/${sessionId}/handouts`, { deckId: made.json.id })
    ).json.id as string
    const base = `/api/sessions/${sessionId}/handouts/${handout}`
    const answer = (who: HttpClient, slideId: string, value: unknown) =>
      who.post(`${base}/responses`, { slideId, value })
    const show = (slideId: string, shown: boolean) =>
      lead.post(`${base}/results`, { slideId, shown })

    // Ben watches the slides; every byte his socket gets is kept.
    const frames: Buffer[] = []
    class Recording extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie: ben.cookie! } })
        this.on('message', (data: Buffer) => frames.push(Buffer.from(data)))
      }
    }
    const bensDeck = new Y.Doc()
    const provider = new WebsocketProvider(
      server.wsUrl,
      sessionDocName.handout(groupId, sessionId, handout),
      bensDeck,
      { WebSocketPolyfill: Recording as never, protocols: ['hearth'], disableBc: true },
    )
    await eventually(() => provider.synced, 'synced')
    const groupSees = () => bensDeck.getMap('results').toJSON() as Record<string, unknown>

    // Bad answers change nothing; a facilitator does not answer; a non-question is 404.
    for (const value of [3, -1, 'Well', 1.5]) {
      expect((await answer(dee, 'choiceslide1', value)).status).toBe(400)
    }
    for (const value of ['<script>', 'a'.repeat(31), 7]) {
      expect((await answer(dee, 'wordslide001', value)).status).toBe(400)
    }
    expect((await answer(lead, 'choiceslide1', 0)).status).toBe(403)
    expect((await answer(ana, 'nosuchslide1', 0)).status).toBe(404)

    expect((await answer(ana, 'choiceslide1', 2)).json.answer).toBe('2')
    expect((await answer(ben, 'choiceslide1', 0)).status).toBe(200)
    // Too few to show: no count may point at one person.
    expect((await show('choiceslide1', true)).status).toBe(409)
    expect((await answer(cal, 'choiceslide1', 1)).status).toBe(200)
    // Ana changes her mind: one answer each, still.
    expect((await answer(ana, 'choiceslide1', 1)).status).toBe(200)

    // The facilitators see the counts live, and no one's id.
    const results = await world.open(
      sessionDocName.handoutResults(groupId, sessionId, handout),
      lead,
    )
    await eventually(
      () =>
        JSON.stringify(results.doc.getMap('results').get('choiceslide1')) ===
        JSON.stringify({ count: 3, counts: [1, 2, 0] }),
      'facilitators see the counts',
    )
    await expect(
      openRawSocket(
        server.wsUrl,
        sessionDocName.handoutResults(groupId, sessionId, handout),
        null,
        {
          cookie: ben.cookie!,
        },
      ),
    ).rejects.toThrow('HTTP 403')
    expect(groupSees()).toEqual({})

    // Shown: the group gets the counts.
    expect((await show('choiceslide1', true)).status).toBe(200)
    await eventually(() => 'choiceslide1' in groupSees(), 'group sees the counts')
    expect(groupSees().choiceslide1).toEqual({ count: 3, counts: [1, 2, 0] })

    // Words: only those given by two or more reach the group.
    await answer(ana, 'wordslide001', 'Zebracorn')
    await answer(cal, 'wordslide001', 'tired')
    await answer(dee, 'wordslide001', ' Tired ')
    expect((await show('wordslide001', true)).status).toBe(200)
    await eventually(() => 'wordslide001' in groupSees(), 'words shown')
    expect(groupSees().wordslide001).toEqual({ count: 3, words: [{ word: 'tired', count: 2 }] })
    await eventually(
      () => JSON.stringify(results.doc.getMap('results').get('wordslide001')).includes('zebracorn'),
      'the facilitators see every word',
    )
    // Hidden again: gone for the group.
    expect((await show('wordslide001', false)).status).toBe(200)
    await eventually(() => !('wordslide001' in groupSees()), 'hidden')

    // Nothing Ben received holds another member's answer or anyone's id.
    const received = Buffer.concat(frames)
    expect(received.includes('zebracorn')).toBe(false)
    for (const m of [ana, ben, cal, dee]) expect(received.includes(m.id)).toBe(false)

    // Ana erases her data: her answers leave the counts.
    expect((await ana.post('/api/member/erase', { confirm: 'erase' })).status).toBe(200)
    await eventually(
      () =>
        !JSON.stringify(results.doc.getMap('results').toJSON()).includes('zebracorn') &&
        (results.doc.getMap('results').get('choiceslide1') as { count: number }).count === 2,
      'counts without Ana',
    )
    provider.destroy()
  })
})
