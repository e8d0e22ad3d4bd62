import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { BUILT_IN_TEMPLATES } from '../../shared/worksheets/templateLibrary.ts'
import { appendAudit } from '../audit/audit.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { newId, newSecret } from '../db/newId.ts'
import { mirrorSharedAnswers, withdrawSharedAnswer } from './mirrorSharedAnswers.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import {
  groupOfSession,
  requireFacilitator,
  requireGroupFacilitator,
  requireMember,
  requirePrincipal,
} from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import { isAdmitted } from '../sessions/isAdmitted.ts'
import { copyKeyFor } from './privateCopies.ts'
import { isValidWorksheet } from './validateContent.ts'
import { openTemplate, sealTemplate, type TemplateRow } from './templateRows.ts'
import { groupScope, worksheetContent } from '../crypto/sealedColumns.ts'
import { publishRoomState } from '../sessions/roomState.ts'
import type { ReleaseKind } from '../../shared/sessions/release.ts'
import { releasedNow } from '../release/releaseOf.ts'

const templateBody = z.object({
  title: z.string().trim().min(1).max(120),
  summary: z.string().trim().max(1000),
  source: z.string().trim().max(2000),
  content: z.unknown(),
})
/** A template's content is a whole worksheet: more than a form, far less than this. */
const TEMPLATE_BODY_BYTES = 512 * 1024
const assignBody = z
  .object({
    templateId: z.string().max(64),
    mode: z.enum(['shared', 'private']),
    /** Each member does it before the next session (private sheets only). */
    homework: z.boolean().optional(),
  })
  .refine((b) => !b.homework || b.mode === 'private', {
    message: 'homework is a private sheet',
    path: ['homework'],
  })
const shareBody = z.object({
  audience: z.enum(['facilitators', 'group']),
  shared: z.boolean(),
  /** One answer; without it, the whole sheet. */
  fieldId: z.string().min(1).max(64).optional(),
})

/** The template library, assigning worksheets to a session, and a member's consent to share. */
export function worksheetRoutes(services: Services) {
  const { db, now, keys } = services
  const app = new Hono<AppEnv>()

  const templateFor = (id: string, facilitatorId: string) => {
    const builtIn = BUILT_IN_TEMPLATES.find((t) => t.id === id)
    if (builtIn) return { ...builtIn, builtIn: true }
    const row = db.sql
      .prepare('SELECT * FROM worksheet_templates WHERE id = ? AND owner_id = ?')
      .get(id, facilitatorId) as TemplateRow | undefined
    if (!row) throw new HTTPException(404, { message: 'no such template' })
    return openTemplate(keys, row)
  }

  app.get('/templates', (c) => {
    const facilitator = requireFacilitator(c)
    const own = db.sql
      .prepare('SELECT * FROM worksheet_templates WHERE owner_id = ? ORDER BY updated_at DESC')
      .all(facilitator.id) as unknown as TemplateRow[]
    return c.json({
      templates: [
        ...BUILT_IN_TEMPLATES.map((t) => ({ ...t, builtIn: true })),
        ...own.map((t) => openTemplate(keys, t)),
      ],
    })
  })

  app.post('/templates', async (c) => {
    const facilitator = requireFacilitator(c)
    const body = await parseBody(c, templateBody, TEMPLATE_BODY_BYTES)
    if (!(await isValidWorksheet(body.content)))
      throw new HTTPException(400, { message: 'invalid: content' })
    const id = newId('template')
    const sealed = sealTemplate(keys, id, body)
    db.sql
      .prepare(
        'INSERT INTO worksheet_templates (id, owner_id, title, summary, source, content, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        id,
        facilitator.id,
        sealed.title,
        sealed.summary,
        sealed.source,
        sealed.content,
        now(),
        now(),
      )
    return c.json({ id }, 201)
  })

  app.put('/templates/:templateId', async (c) => {
    const facilitator = requireFacilitator(c)
    const body = await parseBody(c, templateBody, TEMPLATE_BODY_BYTES)
    if (!(await isValidWorksheet(body.content)))
      throw new HTTPException(400, { message: 'invalid: content' })
    const templateId = c.req.param('templateId')
    const sealed = sealTemplate(keys, templateId, body)
    const result = db.sql
      .prepare(
        'UPDATE worksheet_templates SET title = ?, summary = ?, source = ?, content = ?, updated_at = ? WHERE id = ? AND owner_id = ?',
      )
      .run(
        sealed.title,
        sealed.summary,
        sealed.source,
        sealed.content,
        now(),
        templateId,
        facilitator.id,
      )
    if (result.changes === 0) throw new HTTPException(404, { message: 'no such template' })
    return c.json({ ok: true })
  })

  app.post('/sessions/:sessionId/worksheets', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = await groupOfSession(services, sessionId)
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    const { templateId, mode, homework = false } = await parseBody(c, assignBody)
    // After the session, only homework can be given: there is no group to write together.
    const { status } = db.sql
      .prepare('SELECT status FROM sessions WHERE id = ?')
      .get(sessionId) as {
      status: string
    }
    if (status === 'cancelled' || (status === 'ended' && !homework)) {
      throw new HTTPException(409, {
        message: 'After a session has ended, a worksheet can only be given as homework.',
      })
    }
    const template = templateFor(templateId, principal.id)
    const id = newId('worksheet')
    db.transaction(() => {
      db.sql
        .prepare(
          'INSERT INTO worksheets (id, session_id, group_id, template_id, title, mode, content, created_by, created_at, homework) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          id,
          sessionId,
          groupId,
          template.id,
          template.title,
          mode,
          worksheetContent.seal(keys, groupScope(groupId), id, JSON.stringify(template.content)),
          principal.id,
          now(),
          homework ? 1 : 0,
        )
      appendAudit(
        db,
        {
          actor: principal,
          action: 'worksheet.assigned',
          target: { kind: 'worksheet', id },
          groupId,
          detail: { mode, homework, template: template.builtIn ? template.id : 'custom' },
        },
        now(),
      )
    })
    await publishRoomState(services, sessionId, { worksheetsChanged: true })
    return c.json({ id, mode }, 201)
  })

  app.get('/sessions/:sessionId/worksheets', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = await groupOfSession(services, sessionId)
    const principal = requirePrincipal(c)
    if (principal.kind === 'facilitator') await requireGroupFacilitator(c, services, groupId)
    else if (principal.kind !== 'member' || !isAdmitted(db, sessionId, principal.id)) {
      throw new HTTPException(403, { message: 'not allowed' })
    }
    const rows = db.sql
      .prepare(
        `SELECT id, title, mode, homework = 1 AS homework, closed_at IS NOT NULL AS closed
         FROM worksheets WHERE session_id = ? ORDER BY created_at`,
      )
      .all(sessionId)
      .map((r) => ({ ...r, homework: r.homework === 1, closed: r.closed === 1 })) as {
      id: string
      title: string
      mode: 'shared' | 'private'
      homework: boolean
      closed: boolean
    }[]
    // After the session, a member sees of the group's material only what is released.
    const released = (kind: ReleaseKind) =>
      principal.kind === 'facilitator' || releasedNow(db, sessionId, kind, now())
    // Private copies the caller may read: their own, or those shared with them. Pseudonyms only.
    const sharedCopies = db.sql.prepare(
      `SELECT m.id AS memberId, m.pseudonym, m.colour, s.audience FROM worksheet_shares s JOIN members m ON m.id = s.member_id
       WHERE s.worksheet_id = ? AND s.field_id = '' AND m.status = 'active'`,
    )
    // A copy its member deleted is no longer theirs to list (server/erasure/eraseCopy.ts).
    const deleted = new Set(
      principal.kind === 'member'
        ? (
            db.sql
              .prepare(
                'SELECT d.worksheet_id FROM deleted_copies d JOIN worksheets w ON w.id = d.worksheet_id WHERE d.member_id = ? AND w.session_id = ?',
              )
              .all(principal.id, sessionId) as { worksheet_id: string }[]
          ).map((r) => r.worksheet_id)
        : [],
    )
    const worksheets = rows
      .filter((w) => (w.mode === 'private' ? !deleted.has(w.id) : released('worksheets')))
      .map((w) => {
        if (w.mode === 'shared')
          return { ...w, document: sessionDocName.shared(groupId, sessionId, w.id) }
        const copies = (
          sharedCopies.all(w.id) as {
            memberId: string
            pseudonym: string
            colour: string
            audience: string
          }[]
        )
          .filter((s) =>
            principal.kind === 'facilitator'
              ? s.audience === 'facilitators'
              : s.audience === 'group' && s.memberId !== principal.id && released('answers'),
          )
          .map((s) => ({
            name: s.pseudonym,
            colour: s.colour,
            document: sessionDocName.copy(groupId, sessionId, copyKeyFor(db, w.id, s.memberId)),
          }))
        const mine =
          principal.kind === 'member'
            ? sessionDocName.copy(groupId, sessionId, copyKeyFor(db, w.id, principal.id))
            : null
        const myShares =
          principal.kind === 'member'
            ? (
                db.sql
                  .prepare(
                    'SELECT audience, field_id FROM worksheet_shares WHERE worksheet_id = ? AND member_id = ?',
                  )
                  .all(w.id, principal.id) as { audience: string; field_id: string }[]
              ).map((r) => ({ audience: r.audience, fieldId: r.field_id || null }))
            : []
        // Single answers shared with the caller's audience live in one server-written document.
        const answers = sessionDocName.answers(
          groupId,
          sessionId,
          w.id,
          principal.kind === 'facilitator' ? 'facilitators' : 'group',
        )
        return {
          ...w,
          document: mine,
          sharedWithYou: copies,
          yourShares: myShares,
          ...(released('answers') ? { answers } : {}),
        }
      })
    return c.json({ worksheets })
  })

  app.post('/worksheets/:worksheetId/share', async (c) => {
    const member = requireMember(c)
    const worksheetId = c.req.param('worksheetId')
    const { audience, shared, fieldId = '' } = await parseBody(c, shareBody)
    const ws = db.sql
      .prepare("SELECT session_id, group_id FROM worksheets WHERE id = ? AND mode = 'private'")
      .get(worksheetId) as { session_id: string; group_id: string } | undefined
    if (!ws || !isAdmitted(db, ws.session_id, member.id)) {
      throw new HTTPException(403, { message: 'not allowed' })
    }
    const doc = sessionDocName.private(
      ws.group_id,
      ws.session_id,
      worksheetId,
      member.id,
    ) as DocName
    const withdrawn = db.transaction(() => {
      const existing = db.sql
        .prepare(
          'SELECT share_key FROM worksheet_shares WHERE worksheet_id = ? AND member_id = ? AND audience = ? AND field_id = ?',
        )
        .get(worksheetId, member.id, audience, fieldId) as { share_key: string } | undefined
      if (shared && !existing) {
        db.sql
          .prepare(
            'INSERT INTO worksheet_shares (worksheet_id, member_id, audience, field_id, share_key, shared_at) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(worksheetId, member.id, audience, fieldId, newSecret(), now())
      } else if (!shared && existing) {
        db.sql
          .prepare(
            'DELETE FROM worksheet_shares WHERE worksheet_id = ? AND member_id = ? AND audience = ? AND field_id = ?',
          )
          .run(worksheetId, member.id, audience, fieldId)
      }
      appendAudit(
        db,
        {
          actor: member,
          action: shared ? 'worksheet.shared' : 'worksheet.unshared',
          target: { kind: 'worksheet', id: worksheetId },
          groupId: ws.group_id,
          detail: { audience, scope: fieldId ? 'answer' : 'sheet' },
        },
        now(),
      )
      return !shared ? existing?.share_key : undefined
    })
    if (fieldId) {
      if (withdrawn)
        await withdrawSharedAnswer(
          services,
          { groupId: ws.group_id, sessionId: ws.session_id, worksheetId, audience },
          withdrawn,
        )
      if (shared) await mirrorSharedAnswers(services, doc)
    } else if (!shared) {
      // Taking the sheet back takes effect at once: its readers lose their sockets.
      await services.sync.reauthorize({ docs: [doc] })
    }
    await publishRoomState(services, ws.session_id, { worksheetsChanged: true })
    return c.json({ ok: true })
  })

  return app
}
