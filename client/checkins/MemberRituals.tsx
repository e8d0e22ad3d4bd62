import type * as Y from 'yjs'
import { LINE_CHECKINS, ROOM_CHECKIN } from '../../shared/checkins/checkins.ts'
import {
  LINE_MEASURES,
  measureResult,
  ROOM_MEASURES,
  type MeasureResult,
} from '../../shared/measures/measureDocs.ts'
import { useSharedMap } from '../sync/useSharedMap.ts'
import { MeasureForm } from '../measures/MeasureForm.tsx'
import { CheckinCard } from './CheckinCard.tsx'
import { readCheckin, readSent } from './readRituals.ts'
import './checkins.css'

const readAnswered = (map: Y.Map<unknown>) => {
  const out = new Map<string, number>()
  map.forEach((value, id) => {
    const at = (value as { at?: unknown } | null)?.at
    if (typeof at === 'number') out.set(id, at)
  })
  return out
}
const readResults = (map: Y.Map<unknown>) => {
  const out = new Map<string, MeasureResult>()
  map.forEach((raw, id) => {
    const parsed = measureResult.safeParse(raw)
    if (parsed.success) out.set(id, parsed.data)
  })
  return out
}

/**
 * What a facilitator asked of the group, in a member's room: the check-in (answered through
 * the server; the room shows only the aggregate) and the questionnaires sent. Whether and when
 * this member answered comes from their private line, so every device of theirs agrees.
 */
export function MemberRituals({
  sessionId,
  roomDoc,
  lineDoc,
}: {
  sessionId: string
  roomDoc: Y.Doc
  lineDoc: Y.Doc | null
}) {
  const checkin = useSharedMap(roomDoc, ROOM_CHECKIN, readCheckin)
  const answered = useSharedMap(lineDoc, LINE_CHECKINS, readAnswered)
  const sent = useSharedMap(roomDoc, ROOM_MEASURES, readSent)
  const results = useSharedMap(lineDoc, LINE_MEASURES, readResults)
  return (
    <>
      {checkin && (
        <CheckinCard
          sessionId={sessionId}
          checkin={checkin}
          answeredAt={answered.get(checkin.id) ?? null}
        />
      )}
      {sent.map((m) => (
        <MeasureForm
          key={m.id}
          sessionId={sessionId}
          requestId={m.id}
          measure={m.measure}
          result={results.get(m.id) ?? null}
        />
      ))}
    </>
  )
}
