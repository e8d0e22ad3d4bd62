import * as Y from 'yjs'
import { z } from 'zod'

/** The array of a goals document (group or member) that holds its goals, in order. */
export const GOALS_ARRAY = 'goals'

/** One goal: a sentence or two, not an essay. */
export const GOAL_TEXT_MAX = 300
/** More goals than this is no longer a list one reviews at the start of a session. */
export const GOALS_MAX = 30

/** One goal as stored in a goals document: `Y.Map { id, text }`. */
export const goalRecord = z.object({
  id: z.string().min(1).max(40),
  text: z.string().trim().min(1).max(GOAL_TEXT_MAX),
})
export type Goal = z.infer<typeof goalRecord>

/**
 * The goals of a document, read as untrusted records: anything a writer put there that is not
 * a goal (another shape, a text past the limit, a repeated id) is left out, never shown.
 */
export function readGoals(array: Y.Array<unknown>): Goal[] {
  const goals: Goal[] = []
  const seen = new Set<string>()
  for (const item of array.toArray()) {
    if (!(item instanceof Y.Map)) continue
    const parsed = goalRecord.safeParse(item.toJSON())
    if (!parsed.success || seen.has(parsed.data.id)) continue
    seen.add(parsed.data.id)
    goals.push(parsed.data)
    if (goals.length === GOALS_MAX) break
  }
  return goals
}

/** Adds a goal at the end, in one transaction; false when the text or the list is too long. */
export function addGoal(doc: Y.Doc, id: string, text: string): boolean {
  const trimmed = text.trim()
  const array = doc.getArray<Y.Map<unknown>>(GOALS_ARRAY)
  if (!trimmed || trimmed.length > GOAL_TEXT_MAX || array.length >= GOALS_MAX) return false
  doc.transact(() => {
    const goal = new Y.Map<unknown>()
    goal.set('id', id)
    goal.set('text', trimmed)
    array.push([goal])
  })
  return true
}

/** Removes the goal with this id (every copy of it, should a merge have made two). */
export function removeGoal(doc: Y.Doc, id: string): void {
  const array = doc.getArray<unknown>(GOALS_ARRAY)
  doc.transact(() => {
    for (let i = array.length - 1; i >= 0; i--) {
      const item = array.get(i)
      if (item instanceof Y.Map && item.get('id') === id) array.delete(i, 1)
    }
  })
}
