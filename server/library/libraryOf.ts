import type { MemberPrincipal } from '../auth/Principal.ts'
import type { Db } from '../db/openDatabase.ts'
import type { ReleaseKind } from '../../shared/sessions/release.ts'
import { isExpired, isReleased, releaseOf, type ReleaseColumns } from '../release/releaseOf.ts'
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
export function libraryOf(db: Db, member: MemberPrincipal, now: number): LibrarySession[] {
  const sessions = db.sql
    .prepare(
      `SELECT s.id, s.group_id AS groupId, s.title, s.starts_at AS startsAt,
         s.duration_minutes AS durationMinutes, s.time_zone AS timeZone, s.status,
         s.ended_at, s.withheld, s.release_days, s.materials_deleted_at
       FROM session_attendance a JOIN sessions s ON s.id = a.session_id
       WHERE a.member_id = ? AND a.state = 'admitted' AND s.group_id = ? AND s.status != 'cancelled'
       ORDER BY s.starts_at DESC LIMIT 100`,
    )
    .all(member.id, member.groupId) as unknown as (LibrarySession['session'] &
    ReleaseColumns & { groupId: string })[]
  return sessions.map((row) => {
    const release = releaseOf(row)
    const ref = {
      id: row.id,
      groupId: row.groupId,
      status: row.status,
      released: (kind: ReleaseKind) => isReleased(row, release, kind, now),
    }
    return {
      session: {
        id: row.id,
        title: row.title,
        startsAt: row.startsAt,
        durationMinutes: row.durationMinutes,
        timeZone: row.timeZone,
        status: row.status,
      },
      releasedUntil: isExpired(release, now) ? null : release.until,
      items: LIBRARY_SOURCES.flatMap((source) => source(db, ref, member.id)),
    }
  })
}
