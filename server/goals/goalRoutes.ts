import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { goalsDocName } from '../../shared/goals/goalsDocNames.ts'
import { goalsShareRequest, type GoalsView } from '../../shared/goals/goalsView.ts'
import { appendAudit } from '../audit/audit.ts'
import type { AppEnv, Services } from '../http/AppEnv.ts'
import { requireGroupFacilitator, requireMember, requirePrincipal } from '../http/guards.ts'
import { parseBody } from '../http/parseBody.ts'
import { memberGoalsFor, memberGoalsView } from './memberGoals.ts'

/**
 * The goals of a group (agreed together, recorded by a facilitator) and each member's own
 * (private until the member shares them with the facilitators). The documents themselves
 * travel over the sync socket, each decided by its own rule (`goalsPolicy.ts`); these routes
 * say which documents a person has, and carry the member's consent.
 */
export function goalRoutes(services: Services) {
  const { db, now } = services
  const app = new Hono<AppEnv>()
  const activeMember = db.sql.prepare(
    "SELECT 1 FROM members WHERE id = ? AND group_id = ? AND status = 'active'",
  )
  const sharedGoals = db.sql.prepare(
    `SELECT m.pseudonym AS name, m.colour, g.goals_key FROM member_goals g
     JOIN members m ON m.id = g.member_id
     WHERE g.group_id = ? AND g.shared_with_facilitators = 1 AND m.status = 'active'
     ORDER BY m.pseudonym`,
  )

  app.get('/groups/:groupId/goals', async (c) => {
    const groupId = c.req.param('groupId')
    const principal = requirePrincipal(c)
    const group = goalsDocName.group(groupId)
    if (principal.kind === 'facilitator') {
      await requireGroupFacilitator(c, services, groupId)
      const shared = sharedGoals.all(groupId) as {
        name: string
        colour: string
        goals_key: string
      }[]
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
    if (principal.kind !== 'member' || !activeMember.get(principal.id, groupId)) {
      throw new HTTPException(403, { message: 'not allowed' })
    }
    return c.json(memberGoalsView(db, groupId, principal.id, now()))
  })

  app.post('/member/goals/share', async (c) => {
    const member = requireMember(c)
    const { shared } = await parseBody(c, goalsShareRequest)
    const groupId = member.groupId
    if (!activeMember.get(member.id, groupId)) {
      throw new HTTPException(403, { message: 'not allowed' })
    }
    const doc = db.transaction(() => {
      const own = memberGoalsFor(db, groupId, member.id, now())
      db.sql
        .prepare(
          'UPDATE member_goals SET shared_with_facilitators = ? WHERE group_id = ? AND member_id = ?',
        )
        .run(shared ? 1 : 0, groupId, member.id)
      appendAudit(
        db,
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
