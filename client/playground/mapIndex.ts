/** A Y.Text change as `YTextEvent.delta` reports it (formatting attributes are ignored here). */
export type TextDelta = ReadonlyArray<{ insert?: unknown; retain?: number; delete?: number }>

/**
 * Where an index of the text before a change lies in the text after it. Used to keep the local
 * caret and selection on the same characters when someone else edits.
 *
 * Text inserted exactly at the index lands after it: a caret at the end of a line stays before
 * what a peer appends there, instead of being pushed along by their typing.
 */
export function mapIndex(delta: TextDelta, index: number): number {
  let mapped = index
  // Position in the text before the change. Inserts do not consume it; retain and delete do.
  let position = 0
  for (const op of delta) {
    if (position >= index) break
    if (op.retain !== undefined) {
      position += op.retain
    } else if (op.delete !== undefined) {
      mapped -= Math.min(op.delete, index - position)
      position += op.delete
    } else if (op.insert !== undefined) {
      // An embed counts as one position, as in Yjs.
      mapped += typeof op.insert === 'string' ? op.insert.length : 1
    }
  }
  return mapped
}
