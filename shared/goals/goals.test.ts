import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { addGoal, GOAL_TEXT_MAX, GOALS_ARRAY, readGoals, removeGoal } from './goals.ts'
import { GOALS_ACCESS_RULES, goalsDocName, parseGoalsDocName } from './goalsDocNames.ts'

const G = 'g' + 'a'.repeat(20)
const K = 'o' + 'b'.repeat(20)

describe('goals documents', () => {
  it('reads only well-formed goals, once each, and adds within the limits', () => {
    const doc = new Y.Doc()
    const array = doc.getArray<unknown>(GOALS_ARRAY)
    expect(addGoal(doc, 'a', '  Sleep earlier  ')).toBe(true)
    expect(addGoal(doc, 'b', 'x'.repeat(GOAL_TEXT_MAX + 1))).toBe(false)
    expect(addGoal(doc, 'c', '   ')).toBe(false)
    const forged = new Y.Map<unknown>()
    array.push(['not a goal', forged])
    forged.set('id', 'a')
    forged.set('text', 'a repeated id')
    const long = new Y.Map<unknown>()
    array.push([long])
    long.set('id', 'd')
    long.set('text', 'y'.repeat(GOAL_TEXT_MAX + 1))
    expect(readGoals(array)).toEqual([{ id: 'a', text: 'Sleep earlier' }])
    removeGoal(doc, 'a')
    expect(readGoals(array)).toEqual([])
  })

  it('names carry the group and an opaque key only, and parse back', () => {
    expect(parseGoalsDocName(goalsDocName.group(G))).toEqual({ kind: 'group-goals', groupId: G })
    expect(parseGoalsDocName(goalsDocName.member(G, K))).toEqual({
      kind: 'member-goals',
      groupId: G,
      goalsKey: K,
    })
    for (const name of [`g/${G}/goals/m${'a'.repeat(20)}`, `g/${G}/goals/`, `g/${G}/s/x/goals`]) {
      expect(parseGoalsDocName(name)).toBeNull()
    }
  })

  it('[C2] group goals are the facilitators’ to write; a member’s own are theirs alone', () => {
    const base = { isOwner: false, sharedWithFacilitators: false }
    const group = GOALS_ACCESS_RULES['group-goals']
    expect(group({ ...base, role: 'lead' })).toBe('write')
    expect(group({ ...base, role: 'member' })).toBe('read')
    expect(group({ ...base, role: 'removed' })).toBe('none')
    const own = GOALS_ACCESS_RULES['member-goals']
    expect(own({ ...base, role: 'member', isOwner: true })).toBe('write')
    expect(own({ ...base, role: 'removed', isOwner: true })).toBe('none')
    expect(own({ ...base, role: 'member' })).toBe('none')
    expect(own({ ...base, role: 'co' })).toBe('none')
    expect(own({ ...base, role: 'co', sharedWithFacilitators: true })).toBe('read')
  })
})
