import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aGroup, aSession } from '../data/test/graphRows.ts'
import { changeChatSettings } from './chatSettings.ts'

describe.each(DIALECTS)('a session’s chat settings on $name', ({ open }) => {
  let opened: OpenedData
  let sessionId: string
  beforeEach(async () => {
    opened = await open()
    sessionId = await aSession(opened.data, (await aGroup(opened.data)).groupId)
  })
  afterEach(() => opened.close())

  it('changes what is asked, keeps the rest, and says how both stand', async () => {
    const { data } = opened
    expect(await changeChatSettings(data, sessionId, {})).toEqual({ locked: false, slowSeconds: 0 })
    expect(await changeChatSettings(data, sessionId, { locked: true })).toEqual({
      locked: true,
      slowSeconds: 0,
    })
    expect(await changeChatSettings(data, sessionId, { slowSeconds: 30 })).toEqual({
      locked: true,
      slowSeconds: 30,
    })
    expect(await changeChatSettings(data, sessionId, { locked: false, slowSeconds: 0 })).toEqual({
      locked: false,
      slowSeconds: 0,
    })
  })

  it('two facilitators changing one setting each at once keep both changes', async () => {
    await Promise.all([
      changeChatSettings(opened.data, sessionId, { locked: true }),
      changeChatSettings(opened.another(), sessionId, { slowSeconds: 60 }),
    ])
    expect(await changeChatSettings(opened.data, sessionId, {})).toEqual({
      locked: true,
      slowSeconds: 60,
    })
  })
})
