import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../audit/audit.ts'
import type { FacilitatorPrincipal } from '../auth/Principal.ts'
import type { Data } from '../data/Data.ts'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aGroup, aMember, aSession } from '../data/test/graphRows.ts'
import { answerCheckin, closeCheckin, namedAnswers, openCheckin } from './checkinRecord.ts'
import { checkinRow, latestCheckin } from './publishCheckin.ts'

const AT = 1_700_000_000_000

describe.each(DIALECTS)('a session’s check-ins on $name', ({ open }) => {
  let opened: OpenedData
  let groupId: string
  let lead: FacilitatorPrincipal
  let sessionId: string
  beforeEach(async () => {
    opened = await open()
    const group = await aGroup(opened.data)
    groupId = group.groupId
    lead = { kind: 'facilitator', id: group.leadId, name: 'Dr Test' } as FacilitatorPrincipal
    sessionId = await aSession(opened.data, groupId)
  })
  afterEach(() => opened.close())

  const openOne = (data: Data, id: string, at = AT, named = false) =>
    openCheckin(
      data,
      { id, sessionId, groupId, kind: 'both', moment: 'start', named, by: lead },
      at,
    )
  const answer = (data: Data, checkinId: string, memberId: string, mood: number, at = AT) =>
    answerCheckin(data, { checkinId, sessionId, memberId, mood, word: `w${mood}` }, at)
  const openIds = async () =>
    (
      await opened.data
        .selectFrom('checkins')
        .select('id')
        .where('session_id', '=', sessionId)
        .where('closed_at', 'is', null)
        .execute()
    ).map((r) => r.id)

  it('opening one closes the one before, with the trail’s entry; the latest is the open one', async () => {
    const { data } = opened
    await openOne(data, 'k1', AT, true)
    expect(await checkinRow(data, sessionId, 'k1')).toEqual({
      id: 'k1',
      session_id: sessionId,
      kind: 'both',
      moment: 'start',
      named: 1,
      opened_at: AT,
      closed_at: null,
    })
    await openOne(data, 'k2', AT + 10)
    expect((await checkinRow(data, sessionId, 'k1'))!.closed_at).toBe(AT + 10)
    expect((await latestCheckin(data, sessionId))!.id).toBe('k2')
    expect(await checkinRow(data, await aSession(data, groupId), 'k1')).toBeUndefined()
    const trail = await data.selectFrom('audit_log').select(['action', 'detail']).execute()
    expect(trail.map((e) => e.action)).toEqual(['checkin.opened', 'checkin.opened'])
    expect(JSON.parse(trail[0]!.detail)).toEqual({ kind: 'both', moment: 'start' })
  })

  it('of check-ins opened in one millisecond, the latest is the one opened last', async () => {
    const { data } = opened
    await openOne(data, 'k1')
    await openOne(data, 'k2')
    expect((await latestCheckin(data, sessionId))!.id).toBe('k2')
    await closeCheckin(data, sessionId, 'k2', AT + 5)
    expect((await latestCheckin(data, sessionId))!.id).toBe('k2')
    await openOne(data, 'k3', AT + 5)
    expect((await latestCheckin(data, sessionId))!.id).toBe('k3')
    expect(await latestCheckin(data, await aSession(data, groupId))).toBeUndefined()
  })

  it('keeps a member’s latest answer while the check-in is open, and none after it closed', async () => {
    const { data } = opened
    const memberId = await aMember(data, groupId)
    await openOne(data, 'k1')
    expect(await answer(data, 'k1', memberId, 3)).toBe(true)
    expect(await answer(data, 'k1', memberId, 7, AT + 1)).toBe(true)
    await closeCheckin(data, sessionId, 'k1', AT + 2)
    await closeCheckin(data, sessionId, 'k1', AT + 9)
    expect((await checkinRow(data, sessionId, 'k1'))!.closed_at).toBe(AT + 2)
    expect(await answer(data, 'k1', memberId, 9, AT + 3)).toBe(false)
    expect(await answer(data, 'unknown', memberId, 9, AT + 3)).toBe(false)
    const answers = await data.selectFrom('checkin_answers').selectAll().execute()
    expect(answers).toEqual([
      { checkin_id: 'k1', member_id: memberId, mood: 7, word: 'w7', answered_at: AT + 1 },
    ])
  })

  it('names answers by the member’s line, in the order given, for members with a line', async () => {
    const { data } = opened
    const [robin, sky, lee] = [
      await aMember(data, groupId, 'Robin'),
      await aMember(data, groupId, 'Sky'),
      await aMember(data, groupId, 'Lee'),
    ]
    await data
      .insertInto('private_lines')
      .values([
        { session_id: sessionId, member_id: robin, line_key: 'line-robin' },
        { session_id: sessionId, member_id: sky, line_key: 'line-sky' },
        { session_id: await aSession(data, groupId), member_id: lee, line_key: 'line-lee' },
      ])
      .execute()
    await openOne(data, 'k1')
    await answer(data, 'k1', sky, 4, AT + 2)
    await answer(data, 'k1', robin, 6, AT + 1)
    await answer(data, 'k1', lee, 8, AT + 3)
    expect(await namedAnswers(data, sessionId, 'k1')).toEqual([
      {
        lineKey: 'line-robin',
        name: 'Robin',
        colour: '#336699',
        mood: 6,
        word: 'w6',
        memberId: robin,
      },
      { lineKey: 'line-sky', name: 'Sky', colour: '#336699', mood: 4, word: 'w4', memberId: sky },
    ])
  })

  it('facilitators on several instances opening at once leave one open, the latest', async () => {
    const instances = [opened.data, opened.another(), opened.another()]
    await Promise.all(Array.from({ length: 6 }, (_, i) => openOne(instances[i % 3]!, `k${i}`)))
    const open = await openIds()
    expect(open).toHaveLength(1)
    expect((await latestCheckin(opened.data, sessionId))!.id).toBe(open[0])
    expect(await verifyAuditChain(opened.data)).toEqual({ ok: true, rows: 6 })
  })
})
