import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { z } from 'zod'
import { eraseGroupRequest } from '../../shared/api/schemas.ts'
import { audit } from '../audit/audit.ts'
import { atomically } from '../data/Data.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { requireGroupFacilitator, requireMember } from '../http/guards.ts'
import { clearLoginCookie } from '../http/loginCookie.ts'
import { parseBody } from '../http/parseBody.ts'
import { isAdmitted } from '../sessions/isAdmitted.ts'
import { eraseCopy } from './eraseCopy.ts'
import { eraseGroup } from './eraseGroup.ts'
import { eraseMember } from './eraseMember.ts'
import { wipeFreedSpace } from './wipeFreedSpace.ts'

/** What cannot be undone is asked for in words, not by a stray request. */
const confirmation = z.object({ confirm: z.literal('erase') }).strict()

/**
 * Erasure (issue 13): a member deletes one of their own copies, or leaves the group and erases
 * everything that is theirs; the group's lead erases a member on their request, or (issue 19)
 * the whole group. Every path ends with the write-ahead log folded and truncated
 * (`wipeFreedSpace.ts`), and the trail records who erased what, by id and count, never its
 * content.
 */
export function erasureRoutes(services: Services) {
  const { db, now, log } = services
  const app = new Hono<AppEnv>()
  const wipe = async () => {
    if (!(await wipeFreedSpace(db)))
      log.warn('erasure: the write-ahead log stayed busy; truncated at the next erasure or restart')
  }

  app.delete('/member/worksheets/:worksheetId', async (c) => {
    const member = requireMember(c)
    const data = await services.data()
    const sheet = await data
      .selectFrom('worksheets')
      .select(['id', 'session_id', 'group_id'])
      .where('id', '=', c.req.param('worksheetId'))
      .where('mode', '=', 'private')
      .where('group_id', '=', member.groupId)
      .executeTakeFirst()
    if (!sheet || !(await isAdmitted(data, sheet.session_id, member.id))) {
      throw new HTTPException(404, { message: 'no such worksheet' })
    }
    const documents = await eraseCopy(services, sheet, member.id)
    // The copy stays deleted for its member (no longer listed), with the trail's entry.
    await atomically(data, async (trx) => {
      await trx
        .insertInto('deleted_copies')
        .values({ worksheet_id: sheet.id, member_id: member.id, deleted_at: now() })
        .onConflict((oc) => oc.doNothing())
        .execute()
      await audit(
        trx,
        {
          actor: member,
          action: 'worksheet.erased',
          target: { kind: 'worksheet', id: sheet.id },
          groupId: sheet.group_id,
          detail: { documents },
        },
        now(),
      )
    })
    await wipe()
    return c.json({ ok: true })
  })

  app.post('/member/erase', async (c) => {
    const member = requireMember(c)
    await parseBody(c, confirmation)
    const { documents } = await eraseMember(services, member.id)
    await audit(
      await services.data(),
      {
        actor: member,
        action: 'member.erased',
        target: { kind: 'member', id: member.id },
        groupId: member.groupId,
        detail: { by: 'member', documents },
      },
      now(),
    )
    await wipe()
    clearLoginCookie(c, services.publicOrigin)
    return c.json({ ok: true })
  })

  app.post('/groups/:groupId/members/:memberId/erase', async (c) => {
    const groupId = c.req.param('groupId')
    const memberId = c.req.param('memberId')
    const { principal } = await requireGroupFacilitator(c, services, groupId, { leadOnly: true })
    await parseBody(c, confirmation)
    const found = await (
      await services.data()
    )
      .selectFrom('members')
      .select('id')
      .where('id', '=', memberId)
      .where('group_id', '=', groupId)
      .executeTakeFirst()
    if (!found) throw new HTTPException(404, { message: 'no such member' })
    const { documents } = await eraseMember(services, memberId)
    await audit(
      await services.data(),
      {
        actor: principal,
        action: 'member.erased',
        target: { kind: 'member', id: memberId },
        groupId,
        detail: { by: 'facilitator', documents },
      },
      now(),
    )
    await wipe()
    return c.json({ ok: true })
  })

  app.post('/groups/:groupId/erase', async (c) => {
    const groupId = c.req.param('groupId')
    const { principal } = await requireGroupFacilitator(c, services, groupId, { leadOnly: true })
    const { name } = await parseBody(c, eraseGroupRequest).catch((error: unknown) => {
      if (!(error instanceof HTTPException) || error.status !== 400) throw error
      throw new HTTPException(400, {
        message: `To delete the group, confirm with "erase" and its exact name (${error.message}): nothing was deleted.`,
      })
    })
    const group = await (
      await services.data()
    )
      .selectFrom('groups')
      .select('name')
      .where('id', '=', groupId)
      .executeTakeFirstOrThrow()
    if (name !== group.name) {
      throw new HTTPException(400, {
        message: 'The name typed is not the group’s name: nothing was deleted.',
      })
    }
    const erased = await eraseGroup(services, groupId, principal)
    // As the guard answers once the group is gone.
    if (!erased) throw new HTTPException(410, { message: 'This group was deleted.' })
    log.info({ ...erased }, 'erasure: a group was erased')
    await wipe()
    return c.json({ ok: true })
  })

  return app
}
