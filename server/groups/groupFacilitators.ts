import { HTTPException } from 'hono/http-exception'
import { audit, type AuditEntry } from '../audit/audit.ts'
import { advisoryLock, atomically, onPostgres, type Data } from '../data/Data.ts'

type Actor = AuditEntry['actor']
type Role = 'lead' | 'co'

/**
 * Adds a facilitator to a group with a role; one already there keeps theirs. Whether they were
 * added (and the trail says so).
 */
export function addFacilitator(
  data: Data,
  groupId: string,
  facilitatorId: string,
  role: Role,
  actor: Actor,
  now: number,
): Promise<boolean> {
  return atomically(data, async (trx) => {
    const result = await trx
      .insertInto('group_facilitators')
      .values({ group_id: groupId, facilitator_id: facilitatorId, role })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst()
    if (Number(result.numInsertedOrUpdatedRows ?? 0) !== 1) return false
    await audit(
      trx,
      {
        actor,
        action: 'facilitator.added',
        target: { kind: 'facilitator', id: facilitatorId },
        groupId,
        detail: { role },
      },
      now,
    )
    return true
  })
}

/** Changes a facilitator's role: 404 when they are not of the group, 409 if no lead would be left. */
export function changeFacilitatorRole(
  data: Data,
  groupId: string,
  facilitatorId: string,
  role: Role,
  actor: Actor,
  now: number,
): Promise<void> {
  return atomically(data, async (trx) => {
    await takeTurns(trx, groupId)
    const result = await trx
      .updateTable('group_facilitators')
      .set({ role })
      .where('group_id', '=', groupId)
      .where('facilitator_id', '=', facilitatorId)
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) === 0)
      throw new HTTPException(404, { message: 'not a facilitator of this group' })
    await assertHasLead(trx, groupId)
    await audit(
      trx,
      {
        actor,
        action: 'facilitator.role-changed',
        target: { kind: 'facilitator', id: facilitatorId },
        groupId,
        detail: { role },
      },
      now,
    )
  })
}

/** Takes a facilitator out of a group: 404 when they are not of it, 409 if no lead would be left. */
export function removeFacilitator(
  data: Data,
  groupId: string,
  facilitatorId: string,
  actor: Actor,
  now: number,
): Promise<void> {
  return atomically(data, async (trx) => {
    await takeTurns(trx, groupId)
    const result = await trx
      .deleteFrom('group_facilitators')
      .where('group_id', '=', groupId)
      .where('facilitator_id', '=', facilitatorId)
      .executeTakeFirst()
    if (Number(result.numDeletedRows) === 0)
      throw new HTTPException(404, { message: 'not a facilitator of this group' })
    await assertHasLead(trx, groupId)
    await audit(
      trx,
      {
        actor,
        action: 'facilitator.removed',
        target: { kind: 'facilitator', id: facilitatorId },
        groupId,
      },
      now,
    )
  })
}

/**
 * On PostgreSQL, changes to a group's facilitators take turns across instances: two leads
 * demoting (or removing) each other at once would each still see the other as lead, and
 * both commit, leaving the group with none. SQLite's transactions take the write lock at
 * their start, so they already take turns.
 */
async function takeTurns(trx: Data, groupId: string): Promise<void> {
  if (onPostgres(trx)) await advisoryLock(trx, `group-facilitators:${groupId}`)
}

async function assertHasLead(trx: Data, groupId: string): Promise<void> {
  const lead = await trx
    .selectFrom('group_facilitators')
    .select('facilitator_id')
    .where('group_id', '=', groupId)
    .where('role', '=', 'lead')
    .executeTakeFirst()
  if (!lead)
    throw new HTTPException(409, { message: 'A group needs at least one lead facilitator.' })
}
