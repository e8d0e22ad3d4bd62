import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../audit/audit.ts'
import type { FacilitatorPrincipal } from '../auth/Principal.ts'
import type { Data } from '../data/Data.ts'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aGroup, aMember, aSession } from '../data/test/graphRows.ts'
import {
  crisisAlertWriter,
  claimResourcesSent,
  OPEN_ALERTS_PER_WRITER,
  recordCrisisAlert,
} from './crisisRecord.ts'

const AT = 1_700_000_000_000

describe.each(DIALECTS)('crisis alerts on $name', ({ open }) => {
  let opened: OpenedData
  let groupId: string
  let leadId: string
  let sessionId: string
  let memberId: string
  beforeEach(async () => {
    opened = await open()
    ;({ groupId, leadId } = await aGroup(opened.data))
    memberId = await aMember(opened.data, groupId)
    sessionId = await aSession(opened.data, groupId)
  })
  afterEach(() => opened.close())

  const raise = (data: Data, id: string, writer = memberId) =>
    recordCrisisAlert(
      data,
      {
        id,
        sessionId,
        groupId,
        memberId: writer,
        category: 'suicide',
        source: 'chat',
        messageId: `c_${id}`,
      },
      AT,
    )
  const alerts = (data: Data) =>
    data
      .selectFrom('silent_signals as s')
      .innerJoin('crisis_alerts as a', 'a.signal_id', 's.id')
      .select(['s.id', 's.member_id', 's.kind', 'a.category', 'a.source', 'a.message_id'])
      .orderBy('s.id')
      .execute()

  it('stores an alert with its entry; holds a writer’s next while three are unseen', async () => {
    const { data } = opened
    const other = await aMember(data, groupId)
    for (let i = 1; i <= OPEN_ALERTS_PER_WRITER; i++) expect(await raise(data, `a${i}`)).toBe(true)
    expect(await raise(data, 'a4')).toBe(false)
    expect(await raise(data, 'b1', other)).toBe(true)
    expect((await alerts(data)).map((a) => a.id)).toEqual(['a1', 'a2', 'a3', 'b1'])
    expect((await alerts(data))[0]).toEqual({
      id: 'a1',
      member_id: memberId,
      kind: 'crisis',
      category: 'suicide',
      source: 'chat',
      message_id: 'c_a1',
    })
    await data
      .updateTable('silent_signals')
      .set({ seen_at: AT + 1, seen_by: leadId })
      .where('id', '=', 'a1')
      .execute()
    expect(await raise(data, 'a5')).toBe(true)
    const trail = await data.selectFrom('audit_log').select(['action', 'detail']).execute()
    expect(trail).toHaveLength(5)
    expect(trail[0]).toEqual({
      action: 'crisis.alerted',
      detail: JSON.stringify({ category: 'suicide', source: 'chat' }),
    })
  })

  it('instances raising one writer’s alerts at once still hold back past three', async () => {
    const instances = [opened.data, opened.another(), opened.another()]
    const stored = await Promise.all(
      Array.from({ length: 9 }, (_, i) => raise(instances[i % 3]!, `a${i}`)),
    )
    expect(stored.filter(Boolean)).toHaveLength(OPEN_ALERTS_PER_WRITER)
    expect(await alerts(opened.data)).toHaveLength(OPEN_ALERTS_PER_WRITER)
    expect(await verifyAuditChain(opened.data)).toEqual({ ok: true, rows: OPEN_ALERTS_PER_WRITER })
  })

  it('finds an alert’s writer in its session only, and records resources sent', async () => {
    const { data } = opened
    await raise(data, 'a1')
    await data
      .insertInto('silent_signals')
      .values({ id: 'hand', session_id: sessionId, member_id: memberId, kind: 'help', sent_at: AT })
      .execute()
    expect(await crisisAlertWriter(data, sessionId, 'a1')).toBe(memberId)
    expect(await crisisAlertWriter(data, sessionId, 'hand')).toBeNull()
    expect(await crisisAlertWriter(data, await aSession(data, groupId), 'a1')).toBeNull()

    const lead: FacilitatorPrincipal = {
      kind: 'facilitator',
      id: leadId,
      name: 'Dr Test',
    } as FacilitatorPrincipal
    const sent = { alertId: 'a1', sessionId, groupId, by: lead }
    // Two clicks at once (through two instances): one claims, the other finds it claimed.
    const claims = await Promise.all([
      claimResourcesSent(data, sent, AT + 5),
      claimResourcesSent(opened.another(), sent, AT + 5),
    ])
    expect(claims.sort()).toEqual([false, true])
    expect(
      await data
        .selectFrom('audit_log')
        .select('seq')
        .where('action', '=', 'crisis.resources-sent')
        .execute(),
    ).toHaveLength(1)
    const alert = await data
      .selectFrom('crisis_alerts')
      .select('resources_sent_at')
      .where('signal_id', '=', 'a1')
      .executeTakeFirstOrThrow()
    expect(alert.resources_sent_at).toBe(AT + 5)
    const last = await data
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'group_id'])
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    expect(last).toEqual({ action: 'crisis.resources-sent', actor_id: leadId, group_id: groupId })
  })
})
