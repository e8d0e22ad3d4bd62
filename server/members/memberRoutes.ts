import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { acceptAgreementRequest } from '../../shared/api/schemas.ts'
import { audit } from '../audit/audit.ts'
import { endLoginsOf, hashToken } from '../auth/logins.ts'
import { atomically } from '../data/Data.ts'
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
import { calendarFeedMember, replaceCalendarFeed } from './calendarFeeds.ts'
import { membersOf, upcomingSessionsOf } from './memberQueries.ts'

/** The member list for facilitators, removal, and the member's own home. */
export function memberRoutes(services: Services) {
  const { now } = services
  const app = new Hono<AppEnv>()

  app.get('/groups/:groupId/members', async (c) => {
    const groupId = c.req.param('groupId')
    await requireGroupFacilitator(c, services, groupId)
    const data = await services.data()
    const version = await currentAgreementVersion(data, groupId)
    return c.json({ members: await membersOf(data, groupId, version) })
  })

  app.post('/groups/:groupId/members/:memberId/remove', async (c) => {
    const groupId = c.req.param('groupId')
    const memberId = c.req.param('memberId')
    const { principal } = await requireGroupFacilitator(c, services, groupId)
    await atomically(await services.data(), async (trx) => {
      const result = await trx
        .updateTable('members')
        .set({ status: 'removed', removed_at: now() })
        .where('id', '=', memberId)
        .where('group_id', '=', groupId)
        .where('status', '=', 'active')
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) === 0)
        throw new HTTPException(404, { message: 'no such member' })
      await audit(
        trx,
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

  app.get('/member/home', async (c) => {
    const member = requireMember(c)
    const data = await services.data()
    const group = (await groupSettingsOf(data, member.groupId))!
    const agreement = await currentAgreement(data, services.keys, member.groupId)
    const sessions = await upcomingSessionsOf(data, member.groupId, now())
    return c.json({
      you: { name: member.name, colour: member.colour },
      group: {
        id: member.groupId,
        name: group.name,
        theme: group.theme,
        description: group.description,
        goals: group.goals,
      },
      agreement: {
        ...agreement,
        accepted: await hasAcceptedCurrent(data, member.groupId, member.id),
      },
      sessions,
    })
  })

  app.post('/member/agreement', async (c) => {
    const member = requireMember(c)
    const { version } = await parseBody(c, acceptAgreementRequest)
    if (version !== (await currentAgreementVersion(await services.data(), member.groupId))) {
      throw new HTTPException(409, {
        message: 'The group agreement has just changed. Please read it again.',
      })
    }
    await atomically(await services.data(), async (trx) => {
      await trx
        .insertInto('agreement_acceptances')
        .values({ member_id: member.id, version, accepted_at: now() })
        .onConflict((oc) => oc.columns(['member_id', 'version']).doNothing())
        .execute()
      await audit(
        trx,
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

  app.post('/member/calendar', async (c) => {
    const member = requireMember(c)
    const token = newSecret()
    await replaceCalendarFeed(await services.data(), member, hashToken(token), now())
    return c.json({ url: `${services.publicOrigin}/api/calendar/${token}.ics` }, 201)
  })

  app.get('/calendar/:file', async (c) => {
    const token = c.req.param('file').replace(/\.ics$/, '')
    const row = await calendarFeedMember(await services.data(), hashToken(token))
    if (!row) throw new HTTPException(404, { message: 'no such calendar' })
    c.header('Content-Type', 'text/calendar; charset=utf-8')
    return c.body(
      await calendarFeed(await services.data(), row.group_id, services.publicOrigin, now()),
    )
  })

  return app
}
