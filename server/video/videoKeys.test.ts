import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aGroup, aSession } from '../data/test/graphRows.ts'
import { warmInstances } from './test/warmInstances.ts'
import { currentVideoKey, nextVideoKey } from './videoKeys.ts'

const AT = 1_700_000_000_000

describe.each(DIALECTS)('video media keys on $name', ({ open }) => {
  let opened: OpenedData
  let sessionId: string
  beforeEach(async () => {
    opened = await open()
    sessionId = await aSession(opened.data, (await aGroup(opened.data)).groupId)
  })
  afterEach(() => opened.close())

  const keysOf = (id: string) =>
    opened.data
      .selectFrom('video_keys')
      .select(['generation', 'key'])
      .where('session_id', '=', id)
      .execute()

  it('makes the first key once, and gives it again until a rotation', async () => {
    const first = await currentVideoKey(opened.data, sessionId, AT)
    expect(first.generation).toBe(1)
    expect(Buffer.from(first.key, 'base64')).toHaveLength(32)
    expect(await currentVideoKey(opened.data, sessionId, AT + 1)).toEqual(first)
    expect(await nextVideoKey(opened.data, sessionId, AT + 2)).toBe(2)
    const second = await currentVideoKey(opened.data, sessionId, AT + 3)
    expect(second.generation).toBe(2)
    expect(second.key).not.toBe(first.key)
    // Older keys are gone.
    expect(await keysOf(sessionId)).toEqual([second])
  })

  it('a rotation of a session without a key yet starts after the first', async () => {
    expect(await nextVideoKey(opened.data, sessionId, AT)).toBe(2)
    expect((await keysOf(sessionId)).map((k) => k.generation)).toEqual([2])
  })

  it('instances asking for the first key at once all get the same one', async () => {
    const instances = await warmInstances(opened, 6)
    const keys = await Promise.all(
      instances.map((data, i) => currentVideoKey(data, sessionId, AT + i)),
    )
    expect(new Set(keys.map((k) => k.key)).size).toBe(1)
    expect(await keysOf(sessionId)).toHaveLength(1)
  })

  it('instances rotating at once each make a generation of their own', async () => {
    await currentVideoKey(opened.data, sessionId, AT)
    const instances = await warmInstances(opened, 6)
    const generations = await Promise.all(
      instances.map((data, i) => nextVideoKey(data, sessionId, AT + i)),
    )
    expect([...generations].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7])
    const left = await keysOf(sessionId)
    expect(left.map((k) => k.generation)).toEqual([7])
    expect(await currentVideoKey(instances[1]!, sessionId, AT + 20)).toEqual(left[0])
  })
})
