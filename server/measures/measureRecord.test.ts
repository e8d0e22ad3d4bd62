import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MeasureId } from '../../shared/measures/measures.ts'
import { verifyAuditChain } from '../audit/audit.ts'
import type { FacilitatorPrincipal, MemberPrincipal } from '../auth/Principal.ts'
import type { Data } from '../data/Data.ts'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aGroup, aMember, aSession } from '../data/test/graphRows.ts'
import { answerMeasure, earlierResults, measureRequest, sendMeasure } from './measureRecord.ts'

const AT = 1_700_000_000_000

describe.each(DIALECTS)('questionnaires on $name', ({ open }) => {
  let opened: OpenedData
  let groupId: string
  let lead: FacilitatorPrincipal
  let member: MemberPrincipal
  let sessionId: string
  beforeEach(async () => {
    opened = await open()
    const group = await aGroup(opened.data)
    groupId = group.groupId
    lead = { kind: 'facilitator', id: group.leadId } as FacilitatorPrincipal
    member = { kind: 'member', id: await aMember(opened.data, groupId), groupId } as MemberPrincipal
    sessionId = await aSession(opened.data, groupId)
  })
  afterEach(() => opened.close())

  const send = (data: Data, id: string, measure: MeasureId = 'phq9', session = sessionId) =>
    sendMeasure(data, { id, sessionId: session, groupId, measure, by: lead }, AT)
  const answer = (data: Data, requestId: string, score: string, at = AT, session = sessionId) =>
    answerMeasure(
      data,
      {
        requestId,
        measure: 'phq9',
        sessionId: session,
        groupId,
        member,
        answers: '[sealed]',
        // Stored sealed, as text: a plain number would read back as one from SQLite's column.
        score: `sealed:${score}`,
        band: `band ${score}`,
      },
      at,
    )

  it('sends each questionnaire once a session, with the trail’s entry', async () => {
    const { data } = opened
    expect(await send(data, 'r1')).toEqual({ id: 'r1', sent: true })
    expect(await send(data, 'r2')).toEqual({ id: 'r1', sent: false })
    expect(await send(data, 'r3', 'gad7')).toEqual({ id: 'r3', sent: true })
    expect(await measureRequest(data, sessionId, 'r1')).toEqual({ id: 'r1', measure: 'phq9' })
    expect(await measureRequest(data, sessionId, 'r2')).toBeUndefined()
    expect(await measureRequest(data, await aSession(data, groupId), 'r1')).toBeUndefined()
    const trail = await data.selectFrom('audit_log').select(['action', 'detail']).execute()
    expect(trail).toEqual([
      { action: 'measure.sent', detail: JSON.stringify({ measure: 'phq9' }) },
      { action: 'measure.sent', detail: JSON.stringify({ measure: 'gad7' }) },
    ])
  })

  it('keeps one answer a member, with an entry that names the questionnaire only', async () => {
    const { data } = opened
    await send(data, 'r1')
    expect(await answer(data, 'r1', '12')).toBe(true)
    expect(await answer(data, 'r1', '3')).toBe(false)
    const stored = await data.selectFrom('measure_answers').select(['score', 'band']).execute()
    expect(stored).toEqual([{ score: 'sealed:12', band: 'band 12' }])
    const last = await data
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'detail'])
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    expect(last).toEqual({
      action: 'measure.answered',
      actor_id: member.id,
      detail: JSON.stringify({ measure: 'phq9' }),
    })
  })

  it('instances sending, and a member answering, at once: one request, one answer', async () => {
    const instances = [opened.data, opened.another(), opened.another()]
    const sent = await Promise.all(instances.map((data, i) => send(data, `r${i}`)))
    expect(sent.filter((s) => s.sent)).toHaveLength(1)
    expect(new Set(sent.map((s) => s.id)).size).toBe(1)
    const kept = await Promise.all(instances.map((data, i) => answer(data, sent[0]!.id, `${i}`)))
    expect(kept.filter(Boolean)).toHaveLength(1)
    expect(await verifyAuditChain(opened.data)).toEqual({ ok: true, rows: 2 })
  })

  it('reads the member’s earlier results on a measure in the group, newest first', async () => {
    const { data } = opened
    const sessions = [sessionId]
    for (let i = 1; i < 4; i++) sessions.push(await aSession(data, groupId))
    for (const [i, session] of sessions.entries()) {
      await send(data, `r${i}`, 'phq9', session)
      await answer(data, `r${i}`, `${10 + i}`, AT + i, session)
    }
    await send(data, 'g0', 'gad7')
    const gad7 = { requestId: 'g0', measure: 'gad7' as const, sessionId, groupId, member }
    await answerMeasure(data, { ...gad7, answers: '', score: 'sealed:1', band: '' }, AT + 9)
    const elsewhere = await aGroup(data)
    const there = await aSession(data, elsewhere.groupId)
    await send(data, 'x0', 'phq9', there)
    await answer(data, 'x0', '99', AT + 9, there)

    const of = { memberId: member.id, groupId, measure: 'phq9' as const, except: 'r3' }
    expect(await earlierResults(data, of, 2)).toEqual([
      { requestId: 'r2', score: 'sealed:12', band: 'band 12', at: AT + 2 },
      { requestId: 'r1', score: 'sealed:11', band: 'band 11', at: AT + 1 },
    ])
    expect((await earlierResults(data, of, 8)).map((r) => r.requestId)).toEqual(['r2', 'r1', 'r0'])
  })
})
