import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ChatAuthor } from '../../shared/chat/chatDoc.ts'
import { KeyRing } from '../crypto/keyRing.ts'
import { parseMasterKey } from '../crypto/masterKey.ts'
import type { Data } from '../data/Data.ts'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aGroup, aMember, aSession } from '../data/test/graphRows.ts'
import { chatRecord } from './chatRecord.ts'

const AT = 1_700_000_000_000
const keys = new KeyRing(
  join(mkdtempSync(join(tmpdir(), 'hearth-keys-')), 'keys.sqlite'),
  parseMasterKey(randomBytes(32).toString('base64'), 'test'),
  () => AT,
)
const ANONYMOUS: ChatAuthor = { kind: 'anonymous' }

describe.each(DIALECTS)('a session’s chat record on $name', ({ open }) => {
  let opened: OpenedData
  let sessionId: string
  let memberId: string
  beforeEach(async () => {
    opened = await open()
    const { groupId } = await aGroup(opened.data)
    memberId = await aMember(opened.data, groupId)
    sessionId = await aSession(opened.data, groupId)
  })
  afterEach(() => opened.close())

  const post = (data: Data, i: number, session = sessionId) =>
    chatRecord(data, keys).append({
      id: `c${i}_${randomBytes(4).toString('hex')}`,
      sessionId: session,
      at: AT + i,
      author: ANONYMOUS,
      memberId: i % 2 === 0 ? memberId : null,
      text: `words ${i}`,
    })

  it('numbers messages per session, seals their words, and pages back oldest first', async () => {
    const { data } = opened
    const { groupId } = await aGroup(data)
    const other = await aSession(data, groupId)
    const rows = []
    for (let i = 1; i <= 5; i++) rows.push(await post(data, i))
    const elsewhere = await post(data, 6, other)
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5])
    expect(elsewhere.seq).toBe(1)
    expect(rows[1]).toMatchObject({ text: 'words 2', member_id: memberId, removed: null })

    const stored = await data
      .selectFrom('chat_messages')
      .select('text')
      .where('id', '=', rows[0]!.id)
      .executeTakeFirstOrThrow()
    expect(stored.text).not.toContain('words')
    const record = chatRecord(data, keys)
    expect(await record.get(sessionId, rows[0]!.id)).toEqual(rows[0])
    expect(await record.get(other, rows[0]!.id)).toBeUndefined()

    const page = await record.before(sessionId, 5, 2)
    expect(page.map((m) => [m.seq, m.text])).toEqual([
      [3, 'words 3'],
      [4, 'words 4'],
    ])
    // What the room sees never carries the writer.
    expect(JSON.stringify(page)).not.toContain(memberId)
    expect(page[0]).toEqual({
      id: rows[2]!.id,
      seq: 3,
      at: AT + 3,
      author: ANONYMOUS,
      text: 'words 3',
    })
  })

  it('counts each person’s reaction once, and says whether anything changed', async () => {
    const record = chatRecord(opened.data, keys)
    const row = await post(opened.data, 1)
    expect(await record.react(row.id, 'member:a', 'hug', true)).toBe(true)
    expect(await record.react(row.id, 'member:a', 'hug', true)).toBe(false)
    expect(await record.react(row.id, 'member:b', 'hug', true)).toBe(true)
    expect(await record.react(row.id, 'member:b', 'heart', true)).toBe(true)
    expect((await record.viewOf(row)).reactions).toEqual({ heart: 1, hug: 2 })
    expect(Object.keys((await record.viewOf(row)).reactions!)).toEqual(['heart', 'hug'])
    expect(await record.react(row.id, 'member:a', 'hug', false)).toBe(true)
    expect(await record.react(row.id, 'member:a', 'hug', false)).toBe(false)
    expect((await record.before(sessionId, 2))[0]!.reactions).toEqual({ heart: 1, hug: 1 })
  })

  it('removing takes the words and reactions out for good and leaves a mark', async () => {
    const record = chatRecord(opened.data, keys)
    const row = await post(opened.data, 1)
    await record.react(row.id, 'member:a', 'hug', true)
    await record.remove(sessionId, row.id, 'facilitator', AT + 10)
    const removed = (await record.get(sessionId, row.id))!
    expect(removed).toMatchObject({ text: null, removed: 'facilitator' })
    expect(await record.viewOf(removed)).toEqual({
      id: row.id,
      seq: 1,
      at: AT + 1,
      author: ANONYMOUS,
      text: null,
      removed: 'facilitator',
    })
    const reactions = await opened.data.selectFrom('chat_reactions').selectAll().execute()
    expect(reactions).toEqual([])
  })

  it('forgets an undelivered message, whose number the next one takes', async () => {
    const record = chatRecord(opened.data, keys)
    await post(opened.data, 1)
    const undelivered = await post(opened.data, 2)
    await record.discard(sessionId, undelivered.id)
    expect(await record.get(sessionId, undelivered.id)).toBeUndefined()
    expect((await post(opened.data, 3)).seq).toBe(2)
  })

  it('instances posting at once to one session each take their own number', async () => {
    const instances = [opened.data, opened.another(), opened.another()]
    const rows = await Promise.all(Array.from({ length: 24 }, (_, i) => post(instances[i % 3]!, i)))
    expect(rows.map((r) => r.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 24 }, (_, i) => i + 1),
    )
    const page = await chatRecord(opened.data, keys).before(sessionId, 100)
    expect(page.map((m) => m.seq)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1))
  })
})
