import type { Keys } from '../crypto/Keys.ts'
import { groupScope, measureBand, measureScore, rowIdOf } from '../crypto/sealedColumns.ts'

/**
 * A questionnaire's score and band are health information as much as its answers: stored
 * sealed with the group's key, each to its answer's row (request and member). The trend and a
 * member's history read them back through `openResult`; nothing filters or sorts on them.
 */
export async function sealResult(
  keys: Keys,
  groupId: string,
  row: { requestId: string; memberId: string },
  result: { score: number; band: string },
): Promise<{ score: string; band: string }> {
  const key = await keys.key(groupScope(groupId))
  const rowId = rowIdOf(row.requestId, row.memberId)
  return {
    score: measureScore.sealWith(key, rowId, String(result.score)),
    band: measureBand.sealWith(key, rowId, result.band),
  }
}

/** The stored score and band, opened; throws `SealedDataRejected` naming the record. */
export async function openResult(
  keys: Keys,
  groupId: string,
  row: { requestId: string; memberId: string },
  stored: { score: string; band: string },
): Promise<{ score: number; band: string }> {
  const key = await keys.key(groupScope(groupId))
  const rowId = rowIdOf(row.requestId, row.memberId)
  return {
    score: Number(measureScore.openWith(key, rowId, stored.score)),
    band: measureBand.openWith(key, rowId, stored.band),
  }
}
