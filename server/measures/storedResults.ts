import type { KeyRing } from '../crypto/keyRing.ts'
import { groupScope, measureBand, measureScore, rowIdOf } from '../crypto/sealedColumns.ts'

/**
 * A questionnaire's score and band are health information as much as its answers: stored
 * sealed with the group's key, each to its answer's row (request and member). The trend and a
 * member's history read them back through `openResult`; nothing filters or sorts on them.
 */
export const sealResult = (
  keys: KeyRing,
  groupId: string,
  row: { requestId: string; memberId: string },
  result: { score: number; band: string },
) => {
  const rowId = rowIdOf(row.requestId, row.memberId)
  return {
    score: measureScore.seal(keys, groupScope(groupId), rowId, String(result.score)),
    band: measureBand.seal(keys, groupScope(groupId), rowId, result.band),
  }
}

/** The stored score and band, opened; throws `SealedDataRejected` naming the record. */
export const openResult = (
  keys: KeyRing,
  groupId: string,
  row: { requestId: string; memberId: string },
  stored: { score: string; band: string },
) => {
  const rowId = rowIdOf(row.requestId, row.memberId)
  return {
    score: Number(measureScore.open(keys, groupScope(groupId), rowId, stored.score)),
    band: measureBand.open(keys, groupScope(groupId), rowId, stored.band),
  }
}
