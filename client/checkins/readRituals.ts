import type * as Y from 'yjs'
import { roomCheckin, type RoomCheckin } from '../../shared/checkins/checkins.ts'
import { sentMeasure, type SentMeasure } from '../../shared/measures/measureDocs.ts'

/** The check-in now, from the room document's `checkin` map (null before the first one). */
export const readCheckin = (map: Y.Map<unknown>): RoomCheckin | null => {
  const parsed = roomCheckin.safeParse(map.get('current'))
  return parsed.success ? parsed.data : null
}

/** The questionnaires sent at this session, from the room document, oldest first. */
export const readSent = (map: Y.Map<unknown>): (SentMeasure & { id: string })[] =>
  [...map.entries()]
    .flatMap(([id, raw]) => {
      const parsed = sentMeasure.safeParse(raw)
      return parsed.success ? [{ id, ...parsed.data }] : []
    })
    .sort((a, b) => a.sentAt - b.sentAt)
