import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { goalsDocName } from '../../shared/goals/goalsDocNames.ts'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aGroup, aMember } from '../data/test/graphRows.ts'
import { memberGoalsFor, memberGoalsView, sharedGoalsOf } from './memberGoals.ts'

const AT = 1_700_000_000_000

describe.each(DIALECTS)('[C41] a member’s own goals on $name', ({ open }) => {
  let opened: OpenedData
  let groupId: string
  beforeEach(async () => {
    opened = await open()
    ;({ groupId } = await aGroup(opened.data))
  })
  afterEach(() => opened.close())

  it('makes the key on first use and keeps it; the view names both documents', async () => {
    const { data } = opened
    const memberId = await aMember(data, groupId)
    const first = await memberGoalsFor(data, groupId, memberId, AT)
    expect(first).toEqual({
      goals_key: expect.stringMatching(/^o[a-z2-7]{20}$/),
      shared_with_facilitators: 0,
    })
    expect(await memberGoalsFor(data, groupId, memberId, AT + 1)).toEqual(first)
    expect(await memberGoalsView(data, groupId, memberId, AT)).toEqual({
      group: { document: goalsDocName.group(groupId), writable: false },
      own: {
        document: goalsDocName.member(groupId, first.goals_key),
        sharedWithFacilitators: false,
      },
      sharedWithYou: [],
    })
  })

  it('first uses from several instances at once make one key', async () => {
    const { data } = opened
    const memberId = await aMember(data, groupId)
    const instances = [data, opened.another(), opened.another()]
    // Connections open before the race: no instance is held back by connecting.
    await Promise.all(
      [...instances, ...instances].map((d) =>
        d.selectFrom('member_goals').select('goals_key').execute(),
      ),
    )
    const made = await Promise.all(
      Array.from({ length: 6 }, (_, i) => memberGoalsFor(instances[i % 3]!, groupId, memberId, AT)),
    )
    expect(new Set(made.map((row) => row.goals_key)).size).toBe(1)
    const rows = await data.selectFrom('member_goals').select('goals_key').execute()
    expect(rows).toEqual([{ goals_key: made[0]!.goals_key }])
  })

  it('lists the goals active members shared, by name', async () => {
    const { data } = opened
    const share = async (name: string, shared: boolean, status = 'active') => {
      const memberId = await aMember(data, groupId, name)
      await data.updateTable('members').set({ status }).where('id', '=', memberId).execute()
      const { goals_key } = await memberGoalsFor(data, groupId, memberId, AT)
      await data
        .updateTable('member_goals')
        .set({ shared_with_facilitators: shared ? 1 : 0 })
        .where('member_id', '=', memberId)
        .execute()
      return goals_key
    }
    const sky = await share('Sky', true)
    const ash = await share('ash', true)
    const robin = await share('Robin', true)
    await share('Kim', false)
    await share('Lee', true, 'removed')
    const other = await aGroup(data)
    await memberGoalsFor(data, other.groupId, await aMember(data, other.groupId, 'Ann'), AT)
    expect(await sharedGoalsOf(data, groupId)).toEqual([
      { name: 'Robin', colour: '#336699', goals_key: robin },
      { name: 'Sky', colour: '#336699', goals_key: sky },
      { name: 'ash', colour: '#336699', goals_key: ash },
    ])
  })
})
