import type { MemberPrincipal } from '../auth/Principal.ts'
import type { Db } from '../db/openDatabase.ts'
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
  items: LibraryItem[]
}

/**
 * What a member may revisit: per session they were admitted to (newest first, at most 100),
 * the items of every source (`librarySources.ts`). Sessions they never entered, and other
 * members' private material, are not in it.
 */
export function libraryOf(db: Db, member: MemberPrincipal): LibrarySession[] {
  const sessions = db.sql
    .prepare(
      `SELECT s.id, s.group_id AS groupId, s.title, s.starts_at AS startsAt,
         s.duration_minutes AS durationMinutes, s.time_zone AS timeZone, s.status
       FROM session_attendance a JOIN sessions s ON s.id = a.session_id
       WHERE a.member_id = ? AND a.state = 'admitted' AND s.group_id = ? AND s.status != 'cancelled'
       ORDER BY s.starts_at DESC LIMIT 100`,
    )
    .all(member.id, member.groupId) as unknown as (LibrarySession['session'] & {
    groupId: string
  })[]
  return sessions.map(({ groupId, ...session }) => ({
    session,
    items: LIBRARY_SOURCES.flatMap((source) =>
      source(db, { id: session.id, groupId, status: session.status }, member.id),
    ),
  }))
}
