import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { KeyRing } from '../crypto/keyRing.ts'
import { parseMasterKey } from '../crypto/masterKey.ts'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aGroup, aSession } from '../data/test/graphRows.ts'
import { deleteChatRecord } from './chatLifecycle.ts'
import { chatRecord } from './chatRecord.ts'

const AT = 1_700_000_000_000
const keys = new KeyRing(
  join(mkdtempSync(join(tmpdir(), 'hearth-keys-')), 'keys.sqlite'),
  parseMasterKey(randomBytes(32).toString('base64'), 'test'),
  () => AT,
)

describe.each(DIALECTS)('deleting a session’s chat record on $name', ({ open }) => {
  let opened: OpenedData
  beforeEach(async () => {
    opened = await open()
  })
  afterEach(() => opened.close())

  it('takes its messages and who reacted, marks the session cleared, and leaves others', async () => {
    const { data } = opened
    const { groupId } = await aGroup(data)
    const [cleared, kept] = [await aSession(data, groupId), await aSession(data, groupId)]
    const record = chatRecord(data, keys)
    const post = async (sessionId: string, i: number) => {
      const row = await record.append({
        id: `c${i}`,
        sessionId,
        at: AT + i,
        author: { kind: 'anonymous' },
        memberId: null,
        text: `words ${i}`,
      })
      await record.react(row.id, 'member:a', 'hug', true)
    }
    for (let i = 1; i <= 3; i++) await post(cleared, i)
    await post(kept, 4)

    expect(await deleteChatRecord(data, cleared, AT + 100)).toBe(3)
    expect(await record.before(cleared, 100)).toEqual([])
    expect((await record.before(kept, 100)).map((m) => [m.text, m.reactions])).toEqual([
      ['words 4', { hug: 1 }],
    ])
    const reactions = await data.selectFrom('chat_reactions').select('message_id').execute()
    expect(reactions).toEqual([{ message_id: 'c4' }])
    const sessions = await data
      .selectFrom('sessions')
      .select(['id', 'chat_cleared_at'])
      .orderBy('chat_cleared_at')
      .execute()
    expect(Object.fromEntries(sessions.map((s) => [s.id, s.chat_cleared_at]))).toEqual({
      [cleared]: AT + 100,
      [kept]: null,
    })
    expect(await deleteChatRecord(data, cleared, AT + 200)).toBe(0)
  })
})
