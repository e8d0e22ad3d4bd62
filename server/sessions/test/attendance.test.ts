import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { verifyAuditChain } from '../../audit/audit.ts'
import { DIALECTS, type OpenedData } from '../../data/test/eachDialect.ts'
import { aGroup, aMember, aSession } from '../../data/test/graphRows.ts'
import { arrive } from '../arrive.ts'
import { attendanceRows } from '../attendanceRows.ts'
import { isAdmitted } from '../isAdmitted.ts'
import { membersOfSession } from '../membersOfSession.ts'
import { setAttendance } from '../setAttendance.ts'

const NOW = 1_800_000_000_000

describe.each(DIALECTS)('session attendance on $name', ({ open }) => {
  let opened: OpenedData
  let groupId: string
  let sessionId: string
  let lead: { kind: 'facilitator'; id: string }
  beforeEach(async () => {
    opened = await open()
    const group = await aGroup(opened.data)
    groupId = group.groupId
    lead = { kind: 'facilitator', id: group.leadId }
    sessionId = await aSession(opened.data, groupId, 'open')
  })
  afterEach(() => opened.close())

  const member = async () => ({ kind: 'member' as const, id: await aMember(opened.data, groupId) })
  const actions = async () =>
    (await opened.data.selectFrom('audit_log').select('action').orderBy('seq').execute()).map(
      (r) => r.action,
    )
  const autoAdmit = (on: boolean) =>
    opened.data
      .updateTable('groups')
      .set({ auto_admit: on ? 1 : 0 })
      .where('id', '=', groupId)
      .execute()

  it('a member arrives waiting, or straight in where the group admits automatically, once', async () => {
    const { data } = opened
    const robin = await member()
    expect(await arrive(data, sessionId, groupId, robin, false, NOW)).toBe('waiting')
    expect(await arrive(data, sessionId, groupId, robin, false, NOW + 1)).toBe('waiting')
    expect(await isAdmitted(data, sessionId, robin.id)).toBe(false)
    await autoAdmit(true)
    const sky = await member()
    expect(await arrive(data, sessionId, groupId, sky, false, NOW)).toBe('admitted')
    expect(await isAdmitted(data, sessionId, sky.id)).toBe(true)
    const rows = await data
      .selectFrom('session_attendance')
      .selectAll()
      .orderBy('arrived_at')
      .execute()
    expect(rows.map((r) => [r.member_id, r.state, r.admitted_at])).toEqual(
      expect.arrayContaining([
        [robin.id, 'waiting', null],
        [sky.id, 'admitted', NOW],
      ]),
    )
    expect(await actions()).toEqual(['session.arrived', 'session.admitted'])
  })

  it('a locked session keeps newcomers out but answers those who came before', async () => {
    const { data } = opened
    const robin = await member()
    await arrive(data, sessionId, groupId, robin, false, NOW)
    expect(await arrive(data, sessionId, groupId, robin, true, NOW)).toBe('waiting')
    expect(await arrive(data, sessionId, groupId, await member(), true, NOW)).toBeNull()
    expect(await actions()).toEqual(['session.arrived'])
  })

  it('instances letting the same member in at once make one arrival', async () => {
    const instances = [opened.data, opened.another(), opened.another()]
    for (let round = 0; round < 5; round++) {
      const robin = await member()
      const states = await Promise.all(
        instances.map((data) => arrive(data, sessionId, groupId, robin, false, NOW)),
      )
      expect(states).toEqual(['waiting', 'waiting', 'waiting'])
    }
    expect(await actions()).toEqual(Array(5).fill('session.arrived'))
    expect((await verifyAuditChain(opened.data)).ok).toBe(true)
  })

  it('admits, sends back and removes only those whose state changes', async () => {
    const { data } = opened
    const [robin, sky] = [await member(), await member()]
    for (const m of [robin, sky]) await arrive(data, sessionId, groupId, m, false, NOW)
    const set = (ids: string[], state: 'admitted' | 'waiting' | 'removed', at: number) =>
      setAttendance(data, sessionId, groupId, ids, state, lead, at)
    expect(await set([robin.id, sky.id, 'm_unknown'], 'admitted', NOW + 1)).toEqual([
      robin.id,
      sky.id,
    ])
    expect(await set([robin.id], 'admitted', NOW + 2)).toEqual([])
    expect(await set([robin.id], 'waiting', NOW + 3)).toEqual([robin.id])
    expect(await set([sky.id], 'removed', NOW + 4)).toEqual([sky.id])
    const rows = await data
      .selectFrom('session_attendance')
      .select(['member_id', 'state', 'admitted_at'])
      .execute()
    expect(rows).toEqual(
      expect.arrayContaining([
        { member_id: robin.id, state: 'waiting', admitted_at: NOW + 1 },
        { member_id: sky.id, state: 'removed', admitted_at: NOW + 1 },
      ]),
    )
    expect(await actions()).toEqual([
      'session.arrived',
      'session.arrived',
      'session.admitted',
      'session.admitted',
      'session.returned-to-waiting-room',
      'session.removed',
    ])
    const scope = await membersOfSession(data, sessionId)
    expect(scope.people?.ids?.slice().sort()).toEqual([robin.id, sky.id].sort())
  })

  it('instances admitting the same member at once record it once', async () => {
    const robin = await member()
    await arrive(opened.data, sessionId, groupId, robin, false, NOW)
    const changed = await Promise.all(
      [opened.data, opened.another(), opened.another()].map((data) =>
        setAttendance(data, sessionId, groupId, [robin.id], 'admitted', lead, NOW),
      ),
    )
    expect(changed.flat()).toEqual([robin.id])
    expect(await actions()).toEqual(['session.arrived', 'session.admitted'])
  })

  it('lists those who came, in order of arrival, with their time in the call', async () => {
    const { data } = opened
    const [robin, sky, gone, never] = [
      await member(),
      await member(),
      await member(),
      await member(),
    ]
    for (const [i, m] of [robin, sky, gone, never].entries())
      await arrive(data, sessionId, groupId, m, false, NOW + i)
    await data.updateTable('members').set({ status: 'removed' }).where('id', '=', gone.id).execute()
    const call = async (person: string, joined: number, left: number | null) => {
      const identity = `${person}-call`
      await data
        .insertInto('video_identities')
        .values({ identity, session_id: sessionId, person_id: person, created_at: joined })
        .onConflict((oc) => oc.doNothing())
        .execute()
      await data
        .insertInto('video_attendance')
        .values({ identity, joined_at: joined, left_at: left })
        .execute()
    }
    await call(robin.id, NOW + 10, NOW + 20)
    await call(robin.id, NOW + 5, NOW + 30)
    await call(sky.id, NOW + 10, NOW + 40)
    await call(sky.id, NOW + 50, null)
    // A call in another session is not this one's.
    const elsewhere = await aSession(data, groupId, 'live')
    await data
      .insertInto('video_identities')
      .values({ identity: 'x', session_id: elsewhere, person_id: never.id, created_at: NOW })
      .execute()
    await data
      .insertInto('video_attendance')
      .values({ identity: 'x', joined_at: NOW, left_at: null })
      .execute()

    const rows = await attendanceRows(data, sessionId)
    expect(rows.map((r) => r.memberId)).toEqual([robin.id, sky.id, never.id])
    expect(rows.map((r) => [r.callJoinedAt, r.callLeftAt, r.inCall])).toEqual([
      [NOW + 5, NOW + 30, 0],
      [NOW + 10, NOW + 40, 1],
      [null, null, null],
    ])
    expect(rows[0]).toMatchObject({ state: 'waiting', arrivedAt: NOW, admittedAt: null })
  })
})
