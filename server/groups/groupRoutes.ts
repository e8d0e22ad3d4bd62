import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import {
  addFacilitatorRequest,
  createGroupRequest,
  publishAgreementRequest,
  updateGroupRequest,
} from '../../shared/api/schemas.ts'
import { appendAudit, audit, listAudit, verifyAuditChain } from '../audit/audit.ts'
import { normaliseEmail } from '../auth/facilitators.ts'
import { newId } from '../db/newId.ts'
import { type AppEnv, type Services } from '../http/AppEnv.ts'
import { requireFacilitator, requireGroupFacilitator } from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import {
  currentAgreement,
  currentAgreementVersion,
  groupSettingsOf,
  sealAgreement,
} from './groupQueries.ts'

const roleRequest = z.object({ role: z.enum(['lead', 'co']) })

/** Groups, their settings, agreement versions, facilitators and audit trail. */
export function groupRoutes(services: Services) {
  const { db, now } = services
  const app = new Hono<AppEnv>()

  app.post('/groups', async (c) => {
    const principal = requireFacilitator(c)
    const body = await parseBody(c, createGroupRequest)
    const id = newId('group')
    db.transaction(() => {
      db.sql
        .prepare(
          `INSERT INTO groups (id, name, theme, kind, description, goals, capacity, anonymous_chat,
             facilitators_see_authors, auto_admit, chat_kept, crisis_region, video_e2ee, checkins_named,
             created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          body.name,
          body.theme,
          body.kind,
          body.description,
          body.goals,
          body.capacity,
          Number(body.anonymousChat),
          Number(body.facilitatorsSeeAuthors),
          Number(body.autoAdmit),
          Number(body.chatKept),
          body.crisisRegion,
          Number(body.videoE2ee),
          Number(body.checkinsNamed),
          now(),
        )
      db.sql
        .prepare(
          "INSERT INTO group_facilitators (group_id, facilitator_id, role) VALUES (?, ?, 'lead')",
        )
        .run(id, principal.id)
      db.sql
        .prepare('INSERT INTO agreements (group_id, version, text, created_at) VALUES (?, 1, ?, ?)')
        .run(id, sealAgreement(services.keys, id, 1, body.agreement), now())
      appendAudit(
        db,
        { actor: principal, action: 'group.created', target: { kind: 'group', id }, groupId: id },
        now(),
      )
    })
    return c.json({ id }, 201)
  })

  app.get('/groups', (c) => {
    const principal = requireFacilitator(c)
    const rows = db.sql
      .prepare(
        `SELECT g.id, g.name, g.theme, g.kind, g.capacity, gf.role,
           (SELECT COUNT(*) FROM members m WHERE m.group_id = g.id AND m.status = 'active') AS members,
           (SELECT MIN(starts_at) FROM sessions s WHERE s.group_id = g.id
              AND s.status IN ('scheduled', 'open', 'live') AND s.starts_at + s.duration_minutes * 60000 > ?) AS nextSessionAt
         FROM groups g JOIN group_facilitators gf ON gf.group_id = g.id
         WHERE gf.facilitator_id = ? ORDER BY g.created_at`,
      )
      .all(now(), principal.id)
    return c.json({ groups: rows })
  })

  app.get('/groups/:groupId', async (c) => {
    const groupId = c.req.param('groupId')
    const { role } = await requireGroupFacilitator(c, services, groupId)
    const facilitators = db.sql
      .prepare(
        `SELECT f.id, f.display_name AS name, gf.role FROM group_facilitators gf
           JOIN facilitators f ON f.id = gf.facilitator_id WHERE gf.group_id = ? ORDER BY gf.role DESC, f.display_name`,
      )
      .all(groupId)
    return c.json({
      id: groupId,
      yourRole: role,
      settings: groupSettingsOf(db, groupId),
      agreement: currentAgreement(db, services.keys, groupId),
      facilitators,
    })
  })

  app.patch('/groups/:groupId', async (c) => {
    const groupId = c.req.param('groupId')
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    const body = await parseBody(c, updateGroupRequest)
    const columns: Record<string, string> = {
      name: 'name',
      theme: 'theme',
      kind: 'kind',
      description: 'description',
      goals: 'goals',
      capacity: 'capacity',
      anonymousChat: 'anonymous_chat',
      facilitatorsSeeAuthors: 'facilitators_see_authors',
      autoAdmit: 'auto_admit',
      chatKept: 'chat_kept',
      crisisRegion: 'crisis_region',
      videoE2ee: 'video_e2ee',
      checkinsNamed: 'checkins_named',
    }
    const changed = Object.entries(body).filter(([, v]) => v !== undefined)
    if (changed.length === 0) return c.json({ ok: true })
    db.transaction(() => {
      for (const [key, value] of changed) {
        const v = typeof value === 'boolean' ? Number(value) : value
        db.sql
          .prepare(`UPDATE groups SET ${columns[key]} = ? WHERE id = ?`)
          .run(v as string | number, groupId)
      }
      appendAudit(
        db,
        {
          actor: principal,
          action: 'group.updated',
          target: { kind: 'group', id: groupId },
          groupId,
          detail: { fields: changed.map(([k]) => k).join(',') },
        },
        now(),
      )
    })
    return c.json({ ok: true })
  })

  app.post('/groups/:groupId/agreement', async (c) => {
    const groupId = c.req.param('groupId')
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    const { text } = await parseBody(c, publishAgreementRequest)
    const version = db.transaction(() => {
      const next = currentAgreementVersion(db, groupId) + 1
      db.sql
        .prepare('INSERT INTO agreements (group_id, version, text, created_at) VALUES (?, ?, ?, ?)')
        .run(groupId, next, sealAgreement(services.keys, groupId, next, text), now())
      appendAudit(
        db,
        { actor: principal, action: 'agreement.published', groupId, detail: { version: next } },
        now(),
      )
      return next
    })
    return c.json({ version }, 201)
  })

  app.post('/groups/:groupId/facilitators', async (c) => {
    const groupId = c.req.param('groupId')
    const { principal } = await requireGroupFacilitator(c, services, groupId, { leadOnly: true })
    const body = await parseBody(c, addFacilitatorRequest)
    const row = db.sql
      .prepare('SELECT id FROM facilitators WHERE email = ?')
      .get(normaliseEmail(body.email)) as { id: string } | undefined
    // One answer whether or not the email has an account, or is already here: this route must
    // not tell a lead which emails have Hearth accounts. The list they see afterwards does.
    if (!row) return c.json({ ok: true }, 202)
    db.transaction(() => {
      const result = db.sql
        .prepare(
          'INSERT OR IGNORE INTO group_facilitators (group_id, facilitator_id, role) VALUES (?, ?, ?)',
        )
        .run(groupId, row.id, body.role)
      if (result.changes === 1) {
        appendAudit(
          db,
          {
            actor: principal,
            action: 'facilitator.added',
            target: { kind: 'facilitator', id: row.id },
            groupId,
            detail: { role: body.role },
          },
          now(),
        )
      }
    })
    return c.json({ ok: true }, 202)
  })

  app.post('/groups/:groupId/facilitators/:facilitatorId/role', async (c) => {
    const groupId = c.req.param('groupId')
    const facilitatorId = c.req.param('facilitatorId')
    const { principal } = await requireGroupFacilitator(c, services, groupId, { leadOnly: true })
    const { role } = await parseBody(c, roleRequest)
    db.transaction(() => {
      const result = db.sql
        .prepare('UPDATE group_facilitators SET role = ? WHERE group_id = ? AND facilitator_id = ?')
        .run(role, groupId, facilitatorId)
      if (result.changes === 0)
        throw new HTTPException(404, { message: 'not a facilitator of this group' })
      assertHasLead(services, groupId)
      appendAudit(
        db,
        {
          actor: principal,
          action: 'facilitator.role-changed',
          target: { kind: 'facilitator', id: facilitatorId },
          groupId,
          detail: { role },
        },
        now(),
      )
    })
    return c.json({ ok: true })
  })

  app.delete('/groups/:groupId/facilitators/:facilitatorId', async (c) => {
    const groupId = c.req.param('groupId')
    const facilitatorId = c.req.param('facilitatorId')
    const { principal } = await requireGroupFacilitator(c, services, groupId, { leadOnly: true })
    db.transaction(() => {
      const result = db.sql
        .prepare('DELETE FROM group_facilitators WHERE group_id = ? AND facilitator_id = ?')
        .run(groupId, facilitatorId)
      if (result.changes === 0)
        throw new HTTPException(404, { message: 'not a facilitator of this group' })
      assertHasLead(services, groupId)
      appendAudit(
        db,
        {
          actor: principal,
          action: 'facilitator.removed',
          target: { kind: 'facilitator', id: facilitatorId },
          groupId,
        },
        now(),
      )
    })
    await services.sync.reauthorize({ people: { kind: 'facilitator', ids: [facilitatorId] } })
    return c.json({ ok: true })
  })

  app.get('/groups/:groupId/audit', async (c) => {
    const groupId = c.req.param('groupId')
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    const data = await services.records()
    await audit(data, { actor: principal, action: 'audit.viewed', groupId }, now())
    const chain = await verifyAuditChain(data)
    return c.json({ chainVerified: chain.ok, entries: await listAudit(data, groupId) })
  })

  return app
}

function assertHasLead(services: Services, groupId: string) {
  const lead = services.db.sql
    .prepare("SELECT 1 FROM group_facilitators WHERE group_id = ? AND role = 'lead'")
    .get(groupId)
  if (!lead)
    throw new HTTPException(409, { message: 'A group needs at least one lead facilitator.' })
}
