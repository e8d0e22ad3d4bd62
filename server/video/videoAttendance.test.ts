import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aGroup, aMember, aSession } from '../data/test/graphRows.ts'
import { callJoined, callLeft } from './videoAttendance.ts'
import { videoIdentityFor } from './videoIdentity.ts'

const AT = 1_700_000_000_000

describe.each(DIALECTS)('time in the call on $name', ({ open }) => {
  let opened: OpenedData
  let identity: string
  beforeEach(async () => {
    opened = await open()
    const { groupId } = await aGroup(opened.data)
    const sessionId = await aSession(opened.data, groupId)
    identity = await videoIdentityFor(
      opened.data,
      sessionId,
      await aMember(opened.data, groupId),
      AT,
    )
  })
  afterEach(() => opened.close())

  const attendance = () =>
    opened.data
      .selectFrom('video_attendance')
      .select(['joined_at', 'left_at'])
      .where('identity', '=', identity)
      .orderBy('joined_at')
      .execute()

  it('a leave ends the latest join only, once; a join told twice counts once', async () => {
    const { data } = opened
    await callJoined(data, identity, AT + 1)
    await callLeft(data, identity, AT + 2)
    await callJoined(data, identity, AT + 5)
    await callJoined(data, identity, AT + 5)
    await callLeft(data, identity, AT + 9)
    // A leave told again does not move the time they left.
    await callLeft(data, identity, AT + 12)
    expect(await attendance()).toEqual([
      { joined_at: AT + 1, left_at: AT + 2 },
      { joined_at: AT + 5, left_at: AT + 9 },
    ])
  })

  it('a leave after a join that already ended leaves the earlier joins alone', async () => {
    const { data } = opened
    await callJoined(data, identity, AT + 1)
    await callJoined(data, identity, AT + 3)
    await callLeft(data, identity, AT + 4)
    await callLeft(data, identity, AT + 6)
    expect(await attendance()).toEqual([
      { joined_at: AT + 1, left_at: null },
      { joined_at: AT + 3, left_at: AT + 4 },
    ])
  })
})
