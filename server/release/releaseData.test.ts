import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DAY_MS } from '../../shared/sessions/release.ts'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aGroup, aSession } from '../data/test/graphRows.ts'
import { markMaterialsDeleted, sessionsPastRelease } from './expiredMaterials.ts'
import { releasedNow } from './releaseOf.ts'
import { setRelease } from './setRelease.ts'

const ENDED = 1_800_000_000_000

describe.each(DIALECTS)('session release and retention on $name', ({ open }) => {
  let opened: OpenedData
  let groupId: string
  let lead: { kind: 'facilitator'; id: string }
  beforeEach(async () => {
    opened = await open()
    const group = await aGroup(opened.data)
    groupId = group.groupId
    lead = { kind: 'facilitator', id: group.leadId }
  })
  afterEach(() => opened.close())

  /** A session ended at ENDED, releasing `days` (and what `withheld` does not hold). */
  const anEnded = async (days: number | null, withheld: string[] = []) => {
    const id = await aSession(opened.data, groupId, 'ended')
    await opened.data
      .updateTable('sessions')
      .set({ ended_at: ENDED, release_days: days, withheld: JSON.stringify(withheld) })
      .where('id', '=', id)
      .execute()
    return id
  }
  const actions = async () =>
    (await opened.data.selectFrom('audit_log').select('action').orderBy('seq').execute()).map(
      (r) => r.action,
    )

  it('releases to members during the session, and after it what is not withheld, for its days', async () => {
    const { data } = opened
    const live = await aSession(data, groupId, 'live')
    await data
      .updateTable('sessions')
      .set({ withheld: '["slides"]' })
      .where('id', '=', live)
      .execute()
    expect(await releasedNow(data, live, 'slides', ENDED)).toBe(true)
    const ended = await anEnded(7, ['chat'])
    expect(await releasedNow(data, ended, 'slides', ENDED + 7 * DAY_MS - 1)).toBe(true)
    expect(await releasedNow(data, ended, 'chat', ENDED)).toBe(false)
    expect(await releasedNow(data, ended, 'slides', ENDED + 7 * DAY_MS)).toBe(false)
    expect(await releasedNow(data, 's_unknown', 'slides', ENDED)).toBe(false)
  })

  it('finds the sessions whose release ran out, and marks each deleted once', async () => {
    const { data } = opened
    const week = await anEnded(7)
    const month = await anEnded(30)
    await anEnded(null)
    await aSession(data, groupId, 'live')
    const due = (at: number) => sessionsPastRelease(data, at).then((r) => r.map((s) => s.id))
    expect(await due(ENDED + 7 * DAY_MS - 1)).toEqual([])
    expect(await due(ENDED + 7 * DAY_MS)).toEqual([week])
    expect((await due(ENDED + 30 * DAY_MS)).sort()).toEqual([week, month].sort())
    const session = { id: week, group_id: groupId }
    expect(await markMaterialsDeleted(data, session, 2, ENDED + 8 * DAY_MS)).toBe(true)
    expect(await markMaterialsDeleted(data, session, 2, ENDED + 9 * DAY_MS)).toBe(false)
    expect(await due(ENDED + 30 * DAY_MS)).toEqual([month])
    const trail = await data.selectFrom('audit_log').selectAll().execute()
    expect(trail.map((e) => [e.action, e.target_id, JSON.parse(e.detail)])).toEqual([
      ['session.materials-deleted', week, { documents: 2, reason: 'retention' }],
    ])
  })

  it('instances running the retention job at once record each deletion once', async () => {
    const instances = [opened.data, opened.another(), opened.another()]
    for (let round = 0; round < 5; round++) {
      const session = { id: await anEnded(7), group_id: groupId }
      const marked = await Promise.all(
        instances.map((data) => markMaterialsDeleted(data, session, 1, ENDED + 8 * DAY_MS)),
      )
      expect(marked.filter(Boolean)).toHaveLength(1)
    }
    expect(await actions()).toEqual(Array(5).fill('session.materials-deleted'))
  })

  it('sets a release, sorted and without repeats, until the materials are deleted', async () => {
    const { data } = opened
    const id = await anEnded(null)
    const session = { id, groupId }
    const change = { withheld: ['slides', 'chat', 'slides'] as const, days: 30 }
    expect(await setRelease(data, session, change, lead, ENDED)).toBe(true)
    const row = await data
      .selectFrom('sessions')
      .select(['withheld', 'release_days'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ withheld: '["chat","slides"]', release_days: 30 })
    await markMaterialsDeleted(data, { id, group_id: groupId }, 0, ENDED)
    expect(await setRelease(data, session, { withheld: [], days: 7 }, lead, ENDED)).toBe(false)
    const trail = await data
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .orderBy('seq')
      .execute()
    expect(trail.map((e) => [e.action, JSON.parse(e.detail)])).toEqual([
      ['session.release-changed', { withheld: 'chat,slides', days: 30 }],
      ['session.materials-deleted', { documents: 0, reason: 'retention' }],
    ])
  })
})
