import type { Selectable } from 'kysely'
import type { Data } from '../data/Data.ts'
import type { Tables } from '../data/Tables.ts'

export type SignalRow = Selectable<Tables['silent_signals']>

/**
 * Marks a session's signal seen by a facilitator, once for every facilitator: null for an
 * unknown signal; else the signal, when it was seen, and whether this was the first to see
 * it. The mark is one conditional statement, so two facilitators (or instances) pressing at
 * once make one mark: the later one answers the first one's time.
 */
export async function markSignalSeen(
  data: Data,
  signalId: string,
  sessionId: string,
  facilitatorId: string,
  at: number,
): Promise<{ signal: SignalRow; seenAt: number; first: boolean } | null> {
  const read = () =>
    data
      .selectFrom('silent_signals')
      .selectAll()
      .where('id', '=', signalId)
      .where('session_id', '=', sessionId)
      .executeTakeFirst()
  const signal = await read()
  if (!signal) return null
  if (signal.seen_at !== null) return { signal, seenAt: signal.seen_at, first: false }
  const marked = await data
    .updateTable('silent_signals')
    .set({ seen_at: at, seen_by: facilitatorId })
    .where('id', '=', signal.id)
    .where('seen_at', 'is', null)
    .executeTakeFirst()
  if (Number(marked.numUpdatedRows) === 1) return { signal, seenAt: at, first: true }
  const seen = (await read())!
  return { signal: seen, seenAt: seen.seen_at!, first: false }
}
