import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { acceptAgreementRequest } from '../../shared/api/schemas.ts'
import { appendAudit } from '../audit/audit.ts'
import { endLoginsOf, hashToken } from '../auth/logins.ts'
import { newSecret } from '../db/newId.ts'
import {
  currentAgreement,
  currentAgreementVersion,
  groupSettingsOf,
  hasAcceptedCurrent,
} from '../groups/groupQueries.ts'
import { type AppEnv, type Services } from '../http/AppEnv.ts'
import { requireGroupFacilitator, requireMember } from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import { calendarFeed } from '../sessions/calendarFeed.ts'

/** The member list for facilitators, removal, and the member's own home. */
export function memberRoutes(services: Services) {
  const { db, now } = services
  const app = new Hono<AppEnv>()

  app.get('/groups/:groupId/members', async (c) => {
    const groupId = c.req.param('groupId')
    await requireGroupFacilitator(c, services, groupId)
    const version = currentAgreementVersion(db, groupId)
    const rows = db.sql
      .prepare(
        `SELECT m.id, m.pseudonym, m.colour, m.status, m.created_at AS joinedAt,
           EXISTS (SELECT 1 FROM agreement_acceptances a WHERE a.member_id = m.id AND a.version = ?) AS acceptedCurrent
         FROM members m WHERE m.group_id = ? ORDER BY m.created_at`,
      )
      .all(version, groupId) as { acceptedCurrent: number }[]
    return c.json({
      members: rows.map((r) => ({ ...r, acceptedCurrent: r.acceptedCurrent === 1 })),
    })
  })

  app.post('/groups/:groupId/members/:memberId/remove', async (c) => {
    const groupId = c.req.param('groupId')
    const memberId = c.req.param('memberId')
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    db.transaction(() => {
      const result = db.sql
        .prepare(
          "UPDATE members SET status = 'removed', removed_at = ? WHERE id = ? AND group_id = ? AND status = 'active'",
        )
        .run(now(), memberId, groupId)
      if (result.changes === 0) throw new HTTPException(404, { message: 'no such member' })
      appendAudit(
        db,
        {
          actor: principal,
          action: 'member.removed',
          target: { kind: 'member', id: memberId },
          groupId,
        },
        now(),
      )
    })
    // Removal removes: every open socket of theirs closes now (C4). Removed, they sign in no
    // more; their logins end after the commit.
    const ended = await endLoginsOf(
      await services.data(),
      [{ kind: 'member', id: memberId }],
      now(),
    )
    services.sync.closeLogins(ended)
    await services.sync.reauthorize({ people: { kind: 'member', ids: [memberId] } })
    return c.json({ ok: true })
  })

  app.get('/member/home', (c) => {
    const member = requireMember(c)
    const group = groupSettingsOf(db, member.groupId)!
    const agreement = currentAgreement(db, services.keys, member.groupId)
    const sessions = db.sql
      .prepare(
        `SELECT id, title, starts_at AS startsAt, duration_minutes AS durationMinutes, time_zone AS timeZone, status
         FROM sessions WHERE group_id = ? AND status IN ('scheduled', 'open', 'live')
           AND starts_at + duration_minutes * 60000 > ? ORDER BY starts_at LIMIT 10`,
      )
      .all(member.groupId, now() - 3_600_000)
    return c.json({
      you: { name: member.name, colour: member.colour },
      group: {
        id: member.groupId,
        name: group.name,
        theme: group.theme,
        description: group.description,
        goals: group.goals,
      },
      agreement: { ...agreement, accepted: hasAcceptedCurrent(db, member.groupId, member.id) },
      sessions,
    })
  })

  app.post('/member/agreement', async (c) => {
    const member = requireMember(c)
    const { version } = await parseBody(c, acceptAgreementRequest)
    if (version !== currentAgreementVersion(db, member.groupId)) {
      throw new HTTPException(409, {
        message: 'The group agreement has just changed. Please read it again.',
      })
    }
    db.transaction(() => {
      db.sql
        .prepare(
          'INSERT OR IGNORE INTO agreement_acceptances (member_id, version, accepted_at) VALUES (?, ?, ?)',
        )
        .run(member.id, version, now())
      appendAudit(
        db,
        {
          actor: member,
          action: 'agreement.accepted',
          groupId: member.groupId,
          detail: { version },
        },
        now(),
      )
    })
    return c.json({ ok: true })
  })

  app.post('/member/calendar', (c) => {
    const member = requireMember(c)
    const token = newSecret()
    db.transaction(() => {
      db.sql.prepare('DELETE FROM calendar_feeds WHERE member_id = ?').run(member.id)
      db.sql
        .prepare('INSERT INTO calendar_feeds (token_hash, member_id) VALUES (?, ?)')
        .run(hashToken(token), member.id)
      appendAudit(db, { actor: member, action: 'calendar.created', groupId: member.groupId }, now())
    })
    return c.json({ url: `${services.publicOrigin}/api/calendar/${token}.ics` }, 201)
  })

  app.get('/calendar/:file', (c) => {
    const token = c.req.param('file').replace(/\.ics$/, '')
    const row = db.sql
      .prepare(
        `SELECT m.id, m.group_id FROM calendar_feeds f JOIN members m ON m.id = f.member_id
         WHERE f.token_hash = ? AND m.status = 'active'`,
      )
      .get(hashToken(token)) as { id: string; group_id: string } | undefined
    if (!row) throw new HTTPException(404, { message: 'no such calendar' })
    c.header('Content-Type', 'text/calendar; charset=utf-8')
    return c.body(calendarFeed(db, row.group_id, services.publicOrigin, now()))
  })

  return app
}
