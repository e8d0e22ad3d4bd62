import type { Kysely } from 'kysely'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { sessionDocName } from '../../../shared/documents/docKinds.ts'
import { bodyFragment } from '../../../shared/slides/deckDoc.ts'
import { BUILT_IN_TEMPLATES } from '../../../shared/worksheets/templateLibrary.ts'
import { WORKSHEET_FRAGMENT } from '../../../shared/worksheets/worksheetFragment.ts'
import type { Tables } from '../../data/Tables.ts'
import { connectProvider, eventually } from '../../test/connectProvider.ts'
import { AGREEMENT } from '../../test/groupWorld.ts'
import { png } from '../../test/pngBytes.ts'
import { addWorksheet, openSession, serverPerTest } from '../../test/roomWorld.ts'
import type { TestServer } from '../../test/startTestServer.ts'
import { typeIntoField } from '../../test/typeIntoField.ts'

/**
 * One stored value, raw, as the database holds it: records read the columns as they are (what
 * is sealed is opened above them).
 */
async function raw<T extends keyof Tables>(
  server: TestServer,
  table: T,
  column: keyof Tables[T] & string,
  key: keyof Tables[T] & string,
  value: string,
): Promise<unknown> {
  // Untyped inside: `Tables` checks the names given, not the query built from them.
  const data = (await server.services.data()) as unknown as Kysely<
    Record<string, Record<string, unknown>>
  >
  const [from, select, where]: [string, string, string] = [table, column, key]
  const row = await data
    .selectFrom(from)
    .select(select)
    .where(where, '=', value)
    .executeTakeFirstOrThrow()
  return row[select]
}

/** A stored TEXT value is sealed, and the words are not in it. */
function expectSealedText(value: unknown, plain: string) {
  expect(typeof value).toBe('string')
  expect(value as string).toMatch(/^sealed:/)
  expect(value as string).not.toContain(plain)
}

/** A stored BLOB is sealed: the bytes are not in it. */
function expectSealedBytes(value: unknown, plain: Uint8Array | string) {
  const bytes = Buffer.from(value as Uint8Array)
  expect(bytes[0]).toBe(1)
  expect(bytes.includes(typeof plain === 'string' ? Buffer.from(plain) : Buffer.from(plain))).toBe(
    false,
  )
}

describe('[C19] what people type and upload is sealed in the database, and read back', () => {
  const world = serverPerTest()

  it('chat, check-in words, questionnaire answers and scores, slide answers, the waiting-room word, the agreement and invitation notes', async () => {
    const { server } = world
    const { lead, groupId, sessionId, members } = await openSession(server, ['Robin', 'Sky'])
    const robin = members[0]!

    // The chat record.
    const posted = await robin.post(`/api/sessions/${sessionId}/chat`, { text: 'CHAT-WORDS-QZ' })
    expect(posted.status).toBe(201)
    expectSealedText(
      await raw(server, 'chat_messages', 'text', 'id', posted.json.id),
      'CHAT-WORDS-QZ',
    )
    const older = await lead.get(`/api/sessions/${sessionId}/chat/older?before=1000`)
    expect(older.json.messages.map((m: { text: string }) => m.text)).toEqual(['CHAT-WORDS-QZ'])

    // A check-in word.
    const checkin = await lead.post(`/api/sessions/${sessionId}/checkins`, {
      kind: 'word',
      moment: 'start',
    })
    const answered = await robin.put(
      `/api/sessions/${sessionId}/checkins/${checkin.json.id}/answer`,
      {
        word: 'lighthouse',
      },
    )
    expect(answered.status).toBe(200)
    expectSealedText(
      await raw(server, 'checkin_answers', 'word', 'member_id', robin.id),
      'lighthouse',
    )
    const history = await robin.get('/api/member/checkins')
    expect(history.json.checkins.map((c: { word: string }) => c.word)).toEqual(['lighthouse'])

    // A questionnaire's item answers (score and band stay readable for the trend).
    const sent = await lead.post(`/api/sessions/${sessionId}/measures`, { measure: 'phq9' })
    const scored = await robin.post(`/api/sessions/${sessionId}/measures/${sent.json.id}/answers`, {
      answers: [3, 3, 2, 2, 2, 2, 1, 1, 0],
    })
    expect(scored.status).toBe(201)
    expectSealedText(
      await raw(server, 'measure_answers', 'answers', 'member_id', robin.id),
      '3,3,2',
    )
    const records = await server.services.data()
    const result = await records
      .selectFrom('measure_answers')
      .select(['score', 'band'])
      .where('member_id', '=', robin.id)
      .executeTakeFirstOrThrow()
    expect(result.score).toMatch(/^sealed:/)
    expectSealedText(result.band, 'Moderately severe')
    expect((await robin.get('/api/member/measures')).json.measures[0]).toMatchObject({
      score: 16,
      band: 'Moderately severe',
    })

    // An answer to a response slide: counted from the opened values.
    const made = await lead.post('/api/decks', { title: 'Words' })
    const deck = await world.open(made.json.document, lead)
    deck.doc.transact(() => {
      deck.doc.getMap('slides').set('wordslide001', {
        layout: 'response',
        response: { kind: 'word' },
      })
      deck.doc.getArray<string>('order').push(['wordslide001'])
      bodyFragment(deck.doc, 'wordslide001').insert(0, [new Y.XmlText('One word?')])
    })
    await deck.saved()
    const handout = (
      await lead.post(`/api/sessions/${sessionId}/handouts`, { deckId: made.json.id })
    ).json.id as string
    const response = await robin.post(`/api/sessions/${sessionId}/handouts/${handout}/responses`, {
      slideId: 'wordslide001',
      value: 'driftwood',
    })
    expect(response.status).toBe(200)
    expectSealedText(
      await raw(server, 'slide_responses', 'value', 'member_id', robin.id),
      'driftwood',
    )
    const results = await world.open(
      sessionDocName.handoutResults(groupId, sessionId, handout),
      lead,
    )
    await eventually(
      () => JSON.stringify(results.doc.getMap('results').toJSON()).includes('driftwood'),
      'the word counted for the facilitators',
    )

    // The facilitators' word to those waiting.
    const word = 'Starting in five minutes, take your time'
    expect(
      (await lead.post(`/api/sessions/${sessionId}/waiting-message`, { text: word })).status,
    ).toBe(200)
    expectSealedText(await raw(server, 'sessions', 'waiting_message', 'id', sessionId), word)
    const waiting = await lead.get(`/api/sessions/${sessionId}/waiting-room`)
    expect(waiting.json.message.text).toBe(word)

    // The group agreement and a facilitator's note on an invitation.
    expectSealedText(await raw(server, 'agreements', 'text', 'group_id', groupId), AGREEMENT)
    expect((await lead.get(`/api/groups/${groupId}`)).json.agreement.text).toBe(AGREEMENT)
    const invited = await lead.post(`/api/groups/${groupId}/invitations`, {
      maxUses: 1,
      expiresInHours: 24,
      label: 'for R. on Tuesdays',
    })
    expect(invited.status).toBe(201)
    expectSealedText(await raw(server, 'invitations', 'label', 'id', invited.json.id), 'for R.')
    const listed = (await lead.get(`/api/groups/${groupId}/invitations`)).json.invitations as {
      id: string
      label: string
    }[]
    expect(listed.find((i) => i.id === invited.json.id)!.label).toBe('for R. on Tuesdays')
  })

  it('templates, assigned worksheets, end-of-session snapshots and images', async () => {
    const { server } = world
    const { lead, groupId, sessionId, members } = await openSession(server, ['Robin'])
    const robin = members[0]!

    // A facilitator's own template, and a worksheet assigned from it (seeded from the opened copy).
    const content = BUILT_IN_TEMPLATES[0]!.content
    const template = await lead.post('/api/templates', {
      title: 'TEMPLATE-TITLE-QZ',
      summary: 'TEMPLATE-SUMMARY-QZ',
      source: 'TEMPLATE-SOURCE-QZ',
      content,
    })
    expect(template.status).toBe(201)
    for (const [column, plain] of [
      ['title', 'TEMPLATE-TITLE-QZ'],
      ['summary', 'TEMPLATE-SUMMARY-QZ'],
      ['source', 'TEMPLATE-SOURCE-QZ'],
      ['content', '"type"'],
    ] as const) {
      expectSealedText(
        await raw(server, 'worksheet_templates', column, 'id', template.json.id),
        plain,
      )
    }
    const library = (await lead.get('/api/templates')).json.templates as { id: string }[]
    expect(library.find((t) => t.id === template.json.id)).toMatchObject({
      title: 'TEMPLATE-TITLE-QZ',
      summary: 'TEMPLATE-SUMMARY-QZ',
      source: 'TEMPLATE-SOURCE-QZ',
      content,
    })
    const custom = await addWorksheet(lead, sessionId, 'shared', template.json.id)
    expectSealedText(await raw(server, 'worksheets', 'content', 'id', custom), '"type"')
    const seeded = await world.open(sessionDocName.shared(groupId, sessionId, custom), robin)
    expect(seeded.doc.getXmlFragment(WORKSHEET_FRAGMENT).length).toBeGreaterThan(0)

    // A worksheet as it was at the session's end.
    const sheet = await addWorksheet(lead, sessionId, 'shared')
    const live = await world.open(sessionDocName.shared(groupId, sessionId, sheet), robin)
    typeIntoField(live.doc, 'situation', 'AT-THE-END-QZ')
    await live.saved()
    expect((await lead.post(`/api/sessions/${sessionId}/status`, { status: 'ended' })).status).toBe(
      200,
    )
    const records = await server.services.data()
    const snapshot = await records
      .selectFrom('session_snapshots')
      .select(['id', 'data', 'sealed'])
      .where('worksheet_id', '=', sheet)
      .executeTakeFirstOrThrow()
    expect(snapshot.sealed).toBe(1)
    expectSealedBytes(snapshot.data, 'AT-THE-END-QZ')
    const read = await robin.get(`/api/snapshots/${snapshot.id}`)
    expect(JSON.stringify(read.json.content)).toContain('AT-THE-END-QZ')

    // An image, uploaded to a deck.
    const made = await lead.post('/api/decks', { title: 'Pictures' })
    const bytes = png({ name: 'tEXt', data: Buffer.from('Comment\0DECK-PICTURE-QZ') })
    const uploaded = await fetch(`${server.url}/api/decks/${made.json.id}/images`, {
      method: 'POST',
      headers: { cookie: lead.cookie!, 'content-type': 'image/png' },
      body: new Uint8Array(bytes),
    })
    expect(uploaded.status).toBe(201)
    const { hash, url } = (await uploaded.json()) as { hash: string; url: string }
    expectSealedBytes(await raw(server, 'images', 'data', 'hash', hash), 'DECK-PICTURE-QZ')
    const served = await fetch(`${server.url}${url}`, { headers: { cookie: lead.cookie! } })
    expect(served.status).toBe(200)
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true)
  })

  it('a sealed value copied to another row does not open: an error naming the record, not a crash, not an empty answer', async () => {
    const { server } = world
    const { lead, groupId, sessionId, members } = await openSession(server, ['Robin'])
    const robin = members[0]!
    const first = (await robin.post(`/api/sessions/${sessionId}/chat`, { text: 'FIRST-QZ' })).json
    const second = (await robin.post(`/api/sessions/${sessionId}/chat`, { text: 'SECOND-QZ' })).json
    const records = await server.services.data()
    await records
      .updateTable('chat_messages')
      .set((eb) => ({
        text: eb.selectFrom('chat_messages').select('text').where('id', '=', first.id),
      }))
      .where('id', '=', second.id)
      .execute()
    const older = await lead.get(`/api/sessions/${sessionId}/chat/older?before=1000`)
    expect(older.status).toBe(500)
    expect(JSON.stringify(older.json)).not.toContain('FIRST-QZ')
    const logged = server.logs.find((l) => l.msg === 'a stored record could not be opened')
    expect(logged).toBeDefined()
    const err = logged!.err as { type: string; message: string }
    expect(err.type).toBe('SealedDataRejected')
    expect(err.message).toContain(`chat_messages.text ${second.id}`)
    expect(JSON.stringify(server.logs)).not.toContain('FIRST-QZ')

    // A worksheet's starting content under another worksheet: the document is not opened (let
    // alone opened empty), the log names the record, and the server goes on serving.
    const sheetA = await addWorksheet(lead, sessionId, 'shared')
    const sheetB = await addWorksheet(lead, sessionId, 'shared')
    await records
      .updateTable('worksheets')
      .set((eb) => ({
        content: eb.selectFrom('worksheets').select('content').where('id', '=', sheetA),
      }))
      .where('id', '=', sheetB)
      .execute()
    const refused = connectProvider(
      server.wsUrl,
      sessionDocName.shared(groupId, sessionId, sheetB),
      null,
      { cookie: lead.cookie! },
    )
    await eventually(
      () =>
        server.logs.some(
          (l) =>
            l.msg === 'document failed to load' &&
            (l.err as { message: string }).message.startsWith(`worksheets.content ${sheetB} `),
        ),
      'the refusal, named, in the log',
    )
    expect(refused.doc.getXmlFragment(WORKSHEET_FRAGMENT).length).toBe(0)
    refused.destroy()
    expect((await lead.get(`/api/sessions/${sessionId}/worksheets`)).status).toBe(200)

    // The same for bytes: an image's sealed data under another image's hash.
    const made = await lead.post('/api/decks', { title: 'Pictures' })
    const upload = async (word: string) =>
      (await (
        await fetch(`${server.url}/api/decks/${made.json.id}/images`, {
          method: 'POST',
          headers: { cookie: lead.cookie!, 'content-type': 'image/png' },
          body: new Uint8Array(png({ name: 'tEXt', data: Buffer.from(`Comment\0${word}`) })),
        })
      ).json()) as { hash: string; url: string }
    const [a, b] = [await upload('A'), await upload('B')]
    await records
      .updateTable('images')
      .set((eb) => ({ data: eb.selectFrom('images').select('data').where('hash', '=', a.hash) }))
      .where('hash', '=', b.hash)
      .execute()
    const served = await fetch(`${server.url}${b.url}`, { headers: { cookie: lead.cookie! } })
    expect(served.status).toBe(500)
    expect(
      (await fetch(`${server.url}${a.url}`, { headers: { cookie: lead.cookie! } })).status,
    ).toBe(200)
  })
})
