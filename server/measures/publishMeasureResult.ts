import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import {
  LINE_MEASURES,
  SIGNALS_MEASURE_RESULTS,
  type FacilitatorResult,
  type MeasureResult,
  type MemberResults,
} from '../../shared/measures/measureDocs.ts'
import type { MeasureId } from '../../shared/measures/measures.ts'
import type { MemberPrincipal } from '../auth/Principal.ts'
import type { Data } from '../data/Data.ts'
import type { Services } from '../http/AppEnv.ts'
import { lineKeyFor } from '../signals/privateLines.ts'
import { earlierResults } from './measureRecord.ts'
import { openResult } from './storedResults.ts'

/** How many earlier scores the facilitators' trend shows beside a new one. */
const TREND_LENGTH = 8

/** The member's earlier scores on a measure in this group (other sessions), oldest first. */
async function earlierScores(
  services: Services,
  data: Data,
  member: MemberPrincipal,
  measure: MeasureId,
  before: string,
) {
  const of = { memberId: member.id, groupId: member.groupId, measure, except: before }
  const rows = (await earlierResults(data, of, TREND_LENGTH)).reverse()
  return Promise.all(
    rows.map(async (row) => ({
      score: (await openResult(services.keys, member.groupId, { ...row, memberId: member.id }, row))
        .score,
      at: row.at,
    })),
  )
}

/**
 * A member's result where only they and the facilitators read: their private line (their own
 * result), and the facilitators' signals document (by name, with the trend of their earlier
 * scores). Never the room document.
 */
export async function publishMeasureResult(
  services: Services,
  sessionId: string,
  member: MemberPrincipal,
  requestId: string,
  result: MeasureResult & { selfHarm: boolean },
): Promise<void> {
  const { sync } = services
  const { selfHarm, ...own } = result
  const data = await services.data()
  const lineKey = await lineKeyFor(data, sessionId, member.id)
  await sync.serverWrite(
    sessionDocName.line(member.groupId, sessionId, lineKey) as DocName,
    (doc) => void doc.getMap(LINE_MEASURES).set(requestId, own),
  )
  const shown: FacilitatorResult = {
    ...own,
    selfHarm,
    earlier: await earlierScores(services, data, member, result.measure, requestId),
  }
  await sync.serverWrite(sessionDocName.signals(member.groupId, sessionId) as DocName, (doc) => {
    const map = doc.getMap(SIGNALS_MEASURE_RESULTS)
    const before = map.get(lineKey) as MemberResults | undefined
    const entry: MemberResults = {
      name: member.name,
      colour: member.colour,
      results: { ...before?.results, [requestId]: shown },
    }
    map.set(lineKey, entry)
  })
}
