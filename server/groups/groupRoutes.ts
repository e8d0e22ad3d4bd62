import { Hono } from 'hono'
import { z } from 'zod'
import {
  addFacilitatorRequest,
  createGroupRequest,
  publishAgreementRequest,
  updateGroupRequest,
  type GroupSettings,
} from '../../shared/api/schemas.ts'
import { audit, listAudit, verifyAuditChain } from '../audit/audit.ts'
import { normaliseEmail } from '../auth/facilitators.ts'
import { atomically } from '../data/Data.ts'
import type { Tables } from '../data/Tables.ts'
import { newId } from '../db/newId.ts'
import { type AppEnv, type Services } from '../http/AppEnv.ts'
import { requireFacilitator, requireGroupFacilitator } from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import { addFacilitator, changeFacilitatorRole, removeFacilitator } from './groupFacilitators.ts'
import { facilitatorsOf, groupsOfFacilitator } from './groupList.ts'
import { currentAgreement, groupSettingsOf, sealAgreement } from './groupQueries.ts'
import { publishAgreement } from './publishAgreement.ts'

const roleRequest = z.object({ role: z.enum(['lead', 'co']) })

/** The column of each setting a facilitator may change. */
const COLUMNS = {
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
} as const satisfies Record<keyof GroupSettings, keyof Tables['groups']>

/** Groups, their settings, agreement versions, facilitators and audit trail. */
export function groupRoutes(services: Services) {
  const { now } = services
  const app = new Hono<AppEnv>()

  app.post('/groups', async (c) => {
    const principal = requireFacilitator(c)
    const body = await parseBody(c, createGroupRequest)
    const id = newId('group')
    const agreement = await sealAgreement(services.keys, id, 1, body.agreement)
    await atomically(await services.data(), async (trx) => {
      await trx
        .insertInto('groups')
        .values({
          id,
          name: body.name,
          theme: body.theme,
          kind: body.kind,
          description: body.description,
          goals: body.goals,
          capacity: body.capacity,
          anonymous_chat: Number(body.anonymousChat),
          facilitators_see_authors: Number(body.facilitatorsSeeAuthors),
          auto_admit: Number(body.autoAdmit),
          chat_kept: Number(body.chatKept),
          crisis_region: body.crisisRegion,
          video_e2ee: Number(body.videoE2ee),
          checkins_named: Number(body.checkinsNamed),
          created_at: now(),
        })
        .execute()
      await trx
        .insertInto('group_facilitators')
        .values({ group_id: id, facilitator_id: principal.id, role: 'lead' })
        .execute()
      await trx
        .insertInto('agreements')
        .values({ group_id: id, version: 1, text: agreement, created_at: now() })
        .execute()
      await audit(
        trx,
        { actor: principal, action: 'group.created', target: { kind: 'group', id }, groupId: id },
        now(),
      )
    })
    return c.json({ id }, 201)
  })

  app.get('/groups', async (c) => {
    const principal = requireFacilitator(c)
    const groups = await groupsOfFacilitator(await services.data(), principal.id, now())
    return c.json({ groups })
  })

  app.get('/groups/:groupId', async (c) => {
    const groupId = c.req.param('groupId')
    const { role } = await requireGroupFacilitator(c, services, groupId)
    const data = await services.data()
    const facilitators = await facilitatorsOf(data, groupId)
    return c.json({
      id: groupId,
      yourRole: role,
      settings: await groupSettingsOf(data, groupId),
      agreement: await currentAgreement(data, services.keys, groupId),
      facilitators,
    })
  })

  app.patch('/groups/:groupId', async (c) => {
    const groupId = c.req.param('groupId')
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    const body = await parseBody(c, updateGroupRequest)
    const changed = Object.entries(body).filter(([, v]) => v !== undefined)
    if (changed.length === 0) return c.json({ ok: true })
    const set: Record<string, string | number> = {}
    for (const [key, value] of changed) {
      set[COLUMNS[key as keyof typeof COLUMNS]] = typeof value === 'boolean' ? Number(value) : value
    }
    await atomically(await services.data(), async (trx) => {
      await trx.updateTable('groups').set(set).where('id', '=', groupId).execute()
      await audit(
        trx,
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
    const data = await services.data()
    const version = await publishAgreement(data, services.keys, groupId, text, principal, now())
    return c.json({ version }, 201)
  })

  app.post('/groups/:groupId/facilitators', async (c) => {
    const groupId = c.req.param('groupId')
    const { principal } = await requireGroupFacilitator(c, services, groupId, { leadOnly: true })
    const body = await parseBody(c, addFacilitatorRequest)
    const data = await services.data()
    const row = await data
      .selectFrom('facilitators')
      .select('id')
      .where('email', '=', normaliseEmail(body.email))
      .executeTakeFirst()
    // One answer whether or not the email has an account, or is already here: this route must
    // not tell a lead which emails have Hearth accounts. The list they see afterwards does.
    if (!row) return c.json({ ok: true }, 202)
    await addFacilitator(data, groupId, row.id, body.role, principal, now())
    return c.json({ ok: true }, 202)
  })

  app.post('/groups/:groupId/facilitators/:facilitatorId/role', async (c) => {
    const groupId = c.req.param('groupId')
    const facilitatorId = c.req.param('facilitatorId')
    const { principal } = await requireGroupFacilitator(c, services, groupId, { leadOnly: true })
    const { role } = await parseBody(c, roleRequest)
    const data = await services.data()
    await changeFacilitatorRole(data, groupId, facilitatorId, role, principal, now())
    return c.json({ ok: true })
  })

  app.delete('/groups/:groupId/facilitators/:facilitatorId', async (c) => {
    const groupId = c.req.param('groupId')
    const facilitatorId = c.req.param('facilitatorId')
    const { principal } = await requireGroupFacilitator(c, services, groupId, { leadOnly: true })
    await removeFacilitator(await services.data(), groupId, facilitatorId, principal, now())
    await services.sync.reauthorize({ people: { kind: 'facilitator', ids: [facilitatorId] } })
    return c.json({ ok: true })
  })

  app.get('/groups/:groupId/audit', async (c) => {
    const groupId = c.req.param('groupId')
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    const data = await services.data()
    await audit(data, { actor: principal, action: 'audit.viewed', groupId }, now())
    const chain = await verifyAuditChain(data)
    return c.json({ chainVerified: chain.ok, entries: await listAudit(data, groupId) })
  })

  return app
}
