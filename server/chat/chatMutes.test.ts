import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aGroup, aMember, aSession } from '../data/test/graphRows.ts'
import { isMuted, muteMember, unmute } from './chatMutes.ts'

const AT = 1_700_000_000_000

describe.each(DIALECTS)('chat mutes on $name', ({ open }) => {
  let opened: OpenedData
  let sessionId: string
  let memberId: string
  let leadId: string
  beforeEach(async () => {
    opened = await open()
    const group = await aGroup(opened.data)
    leadId = group.leadId
    memberId = await aMember(opened.data, group.groupId)
    sessionId = await aSession(opened.data, group.groupId)
  })
  afterEach(() => opened.close())

  const mute = (id: string, named = false) => ({
    id,
    sessionId,
    memberId,
    named,
    at: AT,
    by: leadId,
  })

  it('mutes a member once in a session, and lifts it once', async () => {
    const { data } = opened
    expect(await isMuted(data, sessionId, memberId)).toBe(false)
    expect(await muteMember(data, mute('mute1'))).toEqual({ id: 'mute1', created: true })
    expect(await muteMember(data, mute('mute2', true))).toEqual({ id: 'mute1', created: false })
    expect(await isMuted(data, sessionId, memberId)).toBe(true)
    const stored = await data.selectFrom('chat_mutes').select(['id', 'named']).execute()
    expect(stored).toEqual([{ id: 'mute1', named: 0 }])

    const { groupId } = await aGroup(data, leadId)
    expect(await unmute(data, await aSession(data, groupId), 'mute1')).toBeNull()
    expect(await unmute(data, sessionId, 'mute1')).toEqual({ memberId })
    expect(await unmute(data, sessionId, 'mute1')).toBeNull()
    expect(await isMuted(data, sessionId, memberId)).toBe(false)
  })

  it('facilitators on several instances muting at once make one mute, and all get its id', async () => {
    const instances = [opened.data, opened.another(), opened.another()]
    const made = await Promise.all(
      Array.from({ length: 9 }, (_, i) => muteMember(instances[i % 3]!, mute(`mute${i}`))),
    )
    expect(made.filter((m) => m.created)).toHaveLength(1)
    expect(new Set(made.map((m) => m.id)).size).toBe(1)
    const lifted = await Promise.all(instances.map((data) => unmute(data, sessionId, made[0]!.id)))
    expect(lifted.filter((l) => l !== null)).toEqual([{ memberId }])
  })
})
