import { Hono } from 'hono'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { requireMember } from '../http/guards.ts'
import { LIBRARY_SOURCES } from './librarySources.ts'

/**
 * A member's library: per session they were admitted to (newest first), what they may revisit
 * (`librarySources.ts`). Sessions they never entered, and other members' private material,
 * are not listed; opening any item goes through the document's own access rule again.
 */
export function libraryRoutes(services: Services) {
  const { db } = services
  const app = new Hono<AppEnv>()
  const attended = db.sql.prepare(
    `SELECT s.id, s.group_id AS groupId, s.title, s.starts_at AS startsAt,
       s.duration_minutes AS durationMinutes, s.time_zone AS timeZone, s.status
     FROM session_attendance a JOIN sessions s ON s.id = a.session_id
     WHERE a.member_id = ? AND a.state = 'admitted' AND s.group_id = ? AND s.status != 'cancelled'
     ORDER BY s.starts_at DESC LIMIT 100`,
  )

  app.get('/member/library', (c) => {
    const member = requireMember(c)
    const sessions = attended.all(member.id, member.groupId) as {
      id: string
      groupId: string
      title: string
      startsAt: number
      durationMinutes: number
      timeZone: string
      status: string
    }[]
    return c.json({
      sessions: sessions.map(({ groupId, ...session }) => ({
        session,
        items: LIBRARY_SOURCES.flatMap((source) =>
          source(db, { id: session.id, groupId, status: session.status }, member.id),
        ),
      })),
    })
  })

  return app
}
