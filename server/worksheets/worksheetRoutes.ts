import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { BUILT_IN_TEMPLATES } from '../../shared/worksheets/templateLibrary.ts'
import { audit } from '../audit/audit.ts'
import { atomically, type Data } from '../data/Data.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { newId } from '../db/newId.ts'
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
import { isValidWorksheet } from './validateContent.ts'
import { openTemplate, sealTemplate } from './templateRows.ts'
import { worksheetList } from './worksheetList.ts'
import { setShare } from './worksheetShares.ts'
import { groupScope, worksheetContent } from '../crypto/sealedColumns.ts'
import { publishRoomState } from '../sessions/roomState.ts'

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
  const { now, keys } = services
  const app = new Hono<AppEnv>()

  const templateFor = async (data: Data, id: string, facilitatorId: string) => {
    const builtIn = BUILT_IN_TEMPLATES.find((t) => t.id === id)
    if (builtIn) return { ...builtIn, builtIn: true }
    const row = await data
      .selectFrom('worksheet_templates')
      .selectAll()
      .where('id', '=', id)
      .where('owner_id', '=', facilitatorId)
      .executeTakeFirst()
    if (!row) throw new HTTPException(404, { message: 'no such template' })
    return openTemplate(keys, row)
  }

  app.get('/templates', async (c) => {
    const facilitator = requireFacilitator(c)
    const data = await services.data()
    const own = await data
      .selectFrom('worksheet_templates')
      .selectAll()
      .where('owner_id', '=', facilitator.id)
      .orderBy('updated_at', 'desc')
      .orderBy('id')
      .execute()
    return c.json({
      templates: [
        ...BUILT_IN_TEMPLATES.map((t) => ({ ...t, builtIn: true })),
        ...(await Promise.all(own.map((t) => openTemplate(keys, t)))),
      ],
    })
  })

  app.post('/templates', async (c) => {
    const facilitator = requireFacilitator(c)
    const body = await parseBody(c, templateBody, TEMPLATE_BODY_BYTES)
    if (!(await isValidWorksheet(body.content)))
      throw new HTTPException(400, { message: 'invalid: content' })
    const id = newId('template')
    const sealed = await sealTemplate(keys, id, body)
    const data = await services.data()
    await data
      .insertInto('worksheet_templates')
      .values({ id, owner_id: facilitator.id, ...sealed, created_at: now(), updated_at: now() })
      .execute()
    return c.json({ id }, 201)
  })

  app.put('/templates/:templateId', async (c) => {
    const facilitator = requireFacilitator(c)
    const body = await parseBody(c, templateBody, TEMPLATE_BODY_BYTES)
    if (!(await isValidWorksheet(body.content)))
      throw new HTTPException(400, { message: 'invalid: content' })
    const templateId = c.req.param('templateId')
    const sealed = await sealTemplate(keys, templateId, body)
    const data = await services.data()
    const result = await data
      .updateTable('worksheet_templates')
      .set({ ...sealed, updated_at: now() })
      .where('id', '=', templateId)
      .where('owner_id', '=', facilitator.id)
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) === 0)
      throw new HTTPException(404, { message: 'no such template' })
    return c.json({ ok: true })
  })

  app.post('/sessions/:sessionId/worksheets', async (c) => {
    const sessionId = c.req.param('sessionId')
    const groupId = await groupOfSession(services, sessionId)
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    const { templateId, mode, homework = false } = await parseBody(c, assignBody)
    // After the session, only homework can be given: there is no group to write together.
    const data = await services.data()
    const { status } = await data
      .selectFrom('sessions')
      .select('status')
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow()
    if (status === 'cancelled' || (status === 'ended' && !homework)) {
      throw new HTTPException(409, {
        message: 'After a session has ended, a worksheet can only be given as homework.',
      })
    }
    const template = await templateFor(data, templateId, principal.id)
    const id = newId('worksheet')
    const content = await worksheetContent.seal(
      keys,
      groupScope(groupId),
      id,
      JSON.stringify(template.content),
    )
    await atomically(data, async (trx) => {
      await trx
        .insertInto('worksheets')
        .values({
          id,
          session_id: sessionId,
          group_id: groupId,
          template_id: template.id,
          title: template.title,
          mode,
          content,
          created_by: principal.id,
          created_at: now(),
          homework: homework ? 1 : 0,
        })
        .execute()
      await audit(
        trx,
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
    const data = await services.data()
    if (principal.kind === 'facilitator') await requireGroupFacilitator(c, services, groupId)
    else if (principal.kind !== 'member' || !(await isAdmitted(data, sessionId, principal.id))) {
      throw new HTTPException(403, { message: 'not allowed' })
    }
    const worksheets = await worksheetList(data, principal, groupId, sessionId, now())
    return c.json({ worksheets })
  })

  app.post('/worksheets/:worksheetId/share', async (c) => {
    const member = requireMember(c)
    const worksheetId = c.req.param('worksheetId')
    const { audience, shared, fieldId = '' } = await parseBody(c, shareBody)
    const data = await services.data()
    const ws = await data
      .selectFrom('worksheets')
      .select(['session_id', 'group_id'])
      .where('id', '=', worksheetId)
      .where('mode', '=', 'private')
      .executeTakeFirst()
    if (!ws || !(await isAdmitted(data, ws.session_id, member.id))) {
      throw new HTTPException(403, { message: 'not allowed' })
    }
    const doc = sessionDocName.private(
      ws.group_id,
      ws.session_id,
      worksheetId,
      member.id,
    ) as DocName
    const withdrawn = await atomically(data, async (trx) => {
      const share = { worksheetId, memberId: member.id, audience, fieldId }
      const taken = await setShare(trx, share, shared, now())
      await audit(
        trx,
        {
          actor: member,
          action: shared ? 'worksheet.shared' : 'worksheet.unshared',
          target: { kind: 'worksheet', id: worksheetId },
          groupId: ws.group_id,
          detail: { audience, scope: fieldId ? 'answer' : 'sheet' },
        },
        now(),
      )
      return taken
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
