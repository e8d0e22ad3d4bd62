import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aGroup, aMember, aSession } from '../data/test/graphRows.ts'
import { warmInstances } from './test/warmInstances.ts'
import { banFromCall, identityOf, personOfIdentity, videoIdentityFor } from './videoIdentity.ts'

const AT = 1_700_000_000_000

describe.each(DIALECTS)('video identities on $name', ({ open }) => {
  let opened: OpenedData
  let sessionId: string
  let otherSession: string
  let memberId: string
  beforeEach(async () => {
    opened = await open()
    const { groupId } = await aGroup(opened.data)
    sessionId = await aSession(opened.data, groupId)
    otherSession = await aSession(opened.data, groupId)
    memberId = await aMember(opened.data, groupId)
  })
  afterEach(() => opened.close())

  it('one opaque identity per person and session, made on first use', async () => {
    const { data } = opened
    expect(await identityOf(data, sessionId, memberId)).toBeNull()
    const identity = await videoIdentityFor(data, sessionId, memberId, AT)
    expect(identity).not.toContain(memberId)
    expect(await videoIdentityFor(data, sessionId, memberId, AT + 1)).toBe(identity)
    expect(await videoIdentityFor(data, otherSession, memberId, AT)).not.toBe(identity)
    expect(await personOfIdentity(data, sessionId, identity)).toEqual({
      personId: memberId,
      removedAt: null,
    })
    // An identity names nobody in another session's call.
    expect(await personOfIdentity(data, otherSession, identity)).toBeNull()
  })

  it('instances making it at once all answer with the same identity', async () => {
    const instances = await warmInstances(opened, 6)
    const identities = await Promise.all(
      instances.map((data, i) => videoIdentityFor(data, sessionId, memberId, AT + i)),
    )
    expect(new Set(identities).size).toBe(1)
    const rows = await opened.data
      .selectFrom('video_identities')
      .select('identity')
      .where('session_id', '=', sessionId)
      .execute()
    expect(rows).toEqual([{ identity: identities[0] }])
  })

  it('taken out of the call: the first time counts', async () => {
    const { data } = opened
    const identity = await videoIdentityFor(data, sessionId, memberId, AT)
    await banFromCall(data, identity, AT + 10)
    await banFromCall(data, identity, AT + 20)
    expect(await identityOf(data, sessionId, memberId)).toEqual({ identity, removedAt: AT + 10 })
    expect((await personOfIdentity(data, sessionId, identity))?.removedAt).toBe(AT + 10)
  })
})
