import type { MemberPrincipal } from '../auth/Principal.ts'
import type { Data } from '../data/Data.ts'
import type { ReleaseKind } from '../../shared/sessions/release.ts'
import { isExpired, isReleased, releaseOf } from '../release/releaseOf.ts'
import { LIBRARY_SOURCES, type LibraryItem } from './librarySources.ts'

export interface LibrarySession {
  session: {
    id: string
    title: string
    startsAt: number
    durationMinutes: number
    timeZone: string
    status: string
  }
  /** When the group's released material disappears for members (epoch ms), if it will. */
  releasedUntil: number | null
  items: LibraryItem[]
}

/**
 * What a member may revisit: per session they were admitted to (newest first, at most 100),
 * the items of every source (`librarySources.ts`). Sessions they never entered, and other
 * members' private material, are not in it.
 */
export async function libraryOf(
  data: Data,
  member: MemberPrincipal,
  now: number,
): Promise<LibrarySession[]> {
  const sessions = await data
    .selectFrom('session_attendance as a')
    .innerJoin('sessions as s', 's.id', 'a.session_id')
    .select([
      's.id',
      's.group_id as groupId',
      's.title',
      's.starts_at as startsAt',
      's.duration_minutes as durationMinutes',
      's.time_zone as timeZone',
      's.status',
      // What is released (ReleaseColumns).
      's.ended_at',
      's.withheld',
      's.release_days',
      's.materials_deleted_at',
    ])
    .where('a.member_id', '=', member.id)
    .where('a.state', '=', 'admitted')
    .where('s.group_id', '=', member.groupId)
    .where('s.status', '!=', 'cancelled')
    .orderBy('s.starts_at', 'desc')
    .orderBy('s.id')
    .limit(100)
    .execute()
  const library: LibrarySession[] = []
  for (const row of sessions) {
    const release = releaseOf(row)
    const ref = {
      id: row.id,
      groupId: row.groupId,
      status: row.status,
      released: (kind: ReleaseKind) => isReleased(row, release, kind, now),
    }
    const items: LibraryItem[] = []
    for (const source of LIBRARY_SOURCES) items.push(...(await source(data, ref, member.id)))
    library.push({
      session: {
        id: row.id,
        title: row.title,
        startsAt: row.startsAt,
        durationMinutes: row.durationMinutes,
        timeZone: row.timeZone,
        status: row.status,
      },
      releasedUntil: isExpired(release, now) ? null : release.until,
      items,
    })
  }
  return library
}
