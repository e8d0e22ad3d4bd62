import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aGroup, aMember, aSession } from '../data/test/graphRows.ts'
import { markSignalSeen } from './markSignalSeen.ts'
import { lineKeyFor, lineNameFor } from './privateLines.ts'

const NOW = 1_800_000_000_000

describe.each(DIALECTS)('private lines and silent signals on $name', ({ open }) => {
  let opened: OpenedData
  let groupId: string
  let leadId: string
  let sessionId: string
  let memberId: string
  beforeEach(async () => {
    opened = await open()
    ;({ groupId, leadId } = await aGroup(opened.data))
    sessionId = await aSession(opened.data, groupId)
    memberId = await aMember(opened.data, groupId)
  })
  afterEach(() => opened.close())

  it('gives a member one opaque line per session, made on first use', async () => {
    const { data } = opened
    const key = await lineKeyFor(data, sessionId, memberId)
    expect(key).not.toContain(memberId)
    expect(await lineKeyFor(data, sessionId, memberId)).toBe(key)
    expect(await lineNameFor(data, groupId, sessionId, memberId)).toBe(
      `g/${groupId}/s/${sessionId}/line/${key}`,
    )
    const otherSession = await aSession(data, groupId)
    expect(await lineKeyFor(data, otherSession, memberId)).not.toBe(key)
  })

  it('instances making the same line at once make one', async () => {
    const instances = [opened.data, opened.another(), opened.another()]
    for (let round = 0; round < 5; round++) {
      const member = await aMember(opened.data, groupId)
      const keys = await Promise.all(instances.map((data) => lineKeyFor(data, sessionId, member)))
      expect(new Set(keys).size).toBe(1)
    }
  })

  const aSignal = async () => {
    const id = `signal_${Math.random().toString(36).slice(2)}`
    await opened.data
      .insertInto('silent_signals')
      .values({ id, session_id: sessionId, member_id: memberId, kind: 'moment', sent_at: NOW })
      .execute()
    return id
  }

  it('marks a signal seen once, and only in its own session', async () => {
    const { data } = opened
    const id = await aSignal()
    expect(await markSignalSeen(data, id, await aSession(data, groupId), leadId, NOW)).toBeNull()
    expect(await markSignalSeen(data, 'signal_unknown', sessionId, leadId, NOW)).toBeNull()
    const first = await markSignalSeen(data, id, sessionId, leadId, NOW + 1)
    expect(first).toMatchObject({ seenAt: NOW + 1, first: true, signal: { member_id: memberId } })
    const again = await markSignalSeen(data, id, sessionId, leadId, NOW + 2)
    expect(again).toMatchObject({ seenAt: NOW + 1, first: false })
    const row = await data.selectFrom('silent_signals').selectAll().executeTakeFirstOrThrow()
    expect(row).toMatchObject({ seen_at: NOW + 1, seen_by: leadId })
  })

  it('facilitators on several instances marking at once make one mark', async () => {
    const instances = [opened.data, opened.another(), opened.another()]
    for (let round = 0; round < 5; round++) {
      const id = await aSignal()
      const seen = await Promise.all(
        instances.map((data, i) => markSignalSeen(data, id, sessionId, leadId, NOW + i)),
      )
      expect(seen.filter((s) => s!.first)).toHaveLength(1)
      expect(new Set(seen.map((s) => s!.seenAt)).size).toBe(1)
    }
  })
})
