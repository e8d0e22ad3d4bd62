import type { Data } from '../data/Data.ts'
import {
  DAY_MS,
  RELEASE_KINDS,
  type ReleaseKind,
  type ReleaseView,
} from '../../shared/sessions/release.ts'

/** The columns of a session row that say what is released (migration 9). */
export interface ReleaseColumns {
  status: string
  ended_at: number | null
  withheld: string
  release_days: number | null
  materials_deleted_at: number | null
}

/** Those columns, for a Kysely `select`. */
export const RELEASE_FIELDS = [
  'status',
  'ended_at',
  'withheld',
  'release_days',
  'materials_deleted_at',
] as const satisfies readonly (keyof ReleaseColumns)[]

/** Those columns, for a raw `SELECT` (server/access/groupPolicy.ts, until it moves: issue 21). */
export const RELEASE_COLUMNS = RELEASE_FIELDS.join(', ')

/** A session's release as stored; an unreadable `withheld` withholds everything. */
export function releaseOf(row: ReleaseColumns): ReleaseView {
  let withheld: ReleaseKind[]
  try {
    const parsed: unknown = JSON.parse(row.withheld)
    withheld = RELEASE_KINDS.filter((k) => Array.isArray(parsed) && parsed.includes(k))
  } catch {
    withheld = [...RELEASE_KINDS]
  }
  const until =
    row.status === 'ended' && row.ended_at !== null && row.release_days !== null
      ? row.ended_at + row.release_days * DAY_MS
      : null
  return { withheld, days: row.release_days, until, deletedAt: row.materials_deleted_at }
}

/** Past its time (or already deleted): no member sees it, and the job deletes it. */
export const isExpired = (release: ReleaseView, now: number): boolean =>
  release.deletedAt !== null || (release.until !== null && now >= release.until)

/**
 * Whether members may revisit material of `kind` now: always while the session is open or
 * live; after it, when released and not expired.
 */
export function isReleased(
  row: ReleaseColumns,
  release: ReleaseView,
  kind: ReleaseKind,
  now: number,
): boolean {
  if (row.status === 'open' || row.status === 'live') return true
  return !release.withheld.includes(kind) && !isExpired(release, now)
}

/** `isReleased` for one session by id (unknown sessions release nothing). */
export async function releasedNow(
  data: Data,
  sessionId: string,
  kind: ReleaseKind,
  now: number,
): Promise<boolean> {
  const row = await data
    .selectFrom('sessions')
    .select(RELEASE_FIELDS)
    .where('id', '=', sessionId)
    .executeTakeFirst()
  return row !== undefined && isReleased(row, releaseOf(row), kind, now)
}
