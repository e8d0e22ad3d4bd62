import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { goalsDocName } from '../../shared/goals/goalsDocNames.ts'
import { goalsShareRequest, type GoalsView } from '../../shared/goals/goalsView.ts'
import { audit } from '../audit/audit.ts'
import { atomically, type Data } from '../data/Data.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { requireGroupFacilitator, requireMember, requirePrincipal } from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import { memberGoalsFor, memberGoalsView, sharedGoalsOf } from './memberGoals.ts'

/**
 * The goals of a group (agreed together, recorded by a facilitator) and each member's own
 * (private until the member shares them with the facilitators). The documents themselves
 * travel over the sync socket, each decided by its own rule (`goalsPolicy.ts`); these routes
 * say which documents a person has, and carry the member's consent.
 */
export function goalRoutes(services: Services) {
  const { now } = services
  const app = new Hono<AppEnv>()
  const isActiveMember = async (data: Data, memberId: string, groupId: string) =>
    (await data
      .selectFrom('members')
      .select('id')
      .where('id', '=', memberId)
      .where('group_id', '=', groupId)
      .where('status', '=', 'active')
      .executeTakeFirst()) !== undefined

  app.get('/groups/:groupId/goals', async (c) => {
    const groupId = c.req.param('groupId')
    const principal = requirePrincipal(c)
    const group = goalsDocName.group(groupId)
    if (principal.kind === 'facilitator') {
      await requireGroupFacilitator(c, services, groupId)
      const shared = await sharedGoalsOf(await services.data(), groupId)
      return c.json({
        group: { document: group, writable: true },
        own: null,
        sharedWithYou: shared.map((s) => ({
          name: s.name,
          colour: s.colour,
          document: goalsDocName.member(groupId, s.goals_key),
        })),
      } satisfies GoalsView)
    }
    const data = await services.data()
    if (principal.kind !== 'member' || !(await isActiveMember(data, principal.id, groupId))) {
      throw new HTTPException(403, { message: 'not allowed' })
    }
    return c.json(await memberGoalsView(data, groupId, principal.id, now()))
  })

  app.post('/member/goals/share', async (c) => {
    const member = requireMember(c)
    const { shared } = await parseBody(c, goalsShareRequest)
    const groupId = member.groupId
    const data = await services.data()
    if (!(await isActiveMember(data, member.id, groupId))) {
      throw new HTTPException(403, { message: 'not allowed' })
    }
    const doc = await atomically(data, async (trx) => {
      const own = await memberGoalsFor(trx, groupId, member.id, now())
      await trx
        .updateTable('member_goals')
        .set({ shared_with_facilitators: shared ? 1 : 0 })
        .where('group_id', '=', groupId)
        .where('member_id', '=', member.id)
        .execute()
      await audit(
        trx,
        {
          actor: member,
          action: shared ? 'goals.shared' : 'goals.unshared',
          target: { kind: 'goals', id: own.goals_key },
          groupId,
        },
        now(),
      )
      return goalsDocName.member(groupId, own.goals_key)
    })
    // A change of consent takes effect at once: readers who lost it lose their sockets.
    await services.sync.reauthorize({ docs: [doc] })
    return c.json({ ok: true, sharedWithFacilitators: shared })
  })

  return app
}
