import type { DocName } from '../../shared/documents/docName.ts'
import { CloseCode } from '../../shared/sync/closeCodes.ts'
import { audit } from '../audit/audit.ts'
import type { FacilitatorPrincipal } from '../auth/Principal.ts'
import { endLoginsOf } from '../auth/logins.ts'
import { atomically, type Data } from '../data/Data.ts'
import type { Services } from '../http/AppEnv.ts'
import { dropUnusedImages } from '../images/storeImage.ts'
import { deleteGroupRows, forgetGroupSignInFailures } from './deleteGroupRows.ts'

export interface GroupErased {
  members: number
  sessions: number
  documents: number
}

/** Every document of a group is named `g/<group>/…` (shared/documents/docKinds.ts). */
const prefixOf = (groupId: string) => `g/${groupId}/`

/** Every document of the group in the store, after what was accepted so far is committed. */
async function storedDocsOfGroup(services: Services, groupId: string): Promise<DocName[]> {
  await services.sync.drain()
  return services.sync.storedNames(prefixOf(groupId))
}

/**
 * The group's lead erases the whole group, for good (issue 19). First, in one transaction,
 * the group leaves every list and route (`erased_at`), nobody may open anything of it any more
 * (its facilitators are unlinked, its members removed, their logins ended) and the trail
 * records it, by id and counts. Then the rest, which a server stopped half-way finishes at its
 * next scheduled run: `finishGroupErasure`. Null: another request erased it first.
 */
export async function eraseGroup(
  services: Services,
  groupId: string,
  by: FacilitatorPrincipal,
): Promise<GroupErased | null> {
  const { now } = services
  const documents = (await storedDocsOfGroup(services, groupId)).length
  const first = await atomically(await services.data(), async (trx) => {
    const at = now()
    // Claimed first, in one statement: of two erasures at once (a double click, or two
    // instances), one goes on and the other finds the group gone.
    const claimed = await trx
      .updateTable('groups')
      .set({ erased_at: at })
      .where('id', '=', groupId)
      .where('erased_at', 'is', null)
      .executeTakeFirst()
    if (Number(claimed.numUpdatedRows) === 0) return null
    const count = async (table: 'members' | 'sessions') =>
      Number(
        (
          await trx
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('group_id', '=', groupId)
            .executeTakeFirstOrThrow()
        ).n,
      )
    const counts: GroupErased = {
      members: await count('members'),
      sessions: await count('sessions'),
      documents,
    }
    await trx.deleteFrom('group_facilitators').where('group_id', '=', groupId).execute()
    const members = await trx
      .updateTable('members')
      .set((eb) => ({ status: 'removed', removed_at: eb.fn.coalesce('removed_at', eb.val(at)) }))
      .where('group_id', '=', groupId)
      .returning('id')
      .execute()
    await audit(
      trx,
      {
        actor: by,
        action: 'group.erased',
        target: { kind: 'group', id: groupId },
        groupId,
        detail: { ...counts },
      },
      at,
    )
    return { counts, removed: members.map((m) => ({ kind: 'member' as const, id: m.id })), at }
  })
  if (!first) return null
  const { counts, removed, at } = first
  // After the commit: the members are removed, so their logins open nothing even before this.
  services.sync.closeLogins(await endLoginsOf(await services.data(), removed, at))
  await finishGroupErasure(services, groupId)
  return counts
}

/**
 * The rest of a group's erasure; each step can run again. Every open socket on one of its
 * documents is closed and every document deleted (loaded or stored); then the data keys of the
 * group and of each of its members are destroyed, so that every copy of what they sealed,
 * older backups included, is unreadable; then its rows are deleted and its own row blanked.
 * Returns the documents deleted.
 */
export function finishGroupErasure(services: Services, groupId: string): Promise<number> {
  // One run per group at a time: the scheduled job may find one the route is still finishing.
  const running = finishing.get(services) ?? new Map<string, Promise<number>>()
  finishing.set(services, running)
  let run = running.get(groupId)
  if (!run) {
    run = finish(services, groupId).finally(() => running.delete(groupId))
    running.set(groupId, run)
  }
  return run
}

const finishing = new WeakMap<Services, Map<string, Promise<number>>>()

async function finish(services: Services, groupId: string): Promise<number> {
  const { sync, keys, now } = services
  const prefix = prefixOf(groupId)
  const names = new Set<DocName>()
  for (const connection of [...sync.connections()]) {
    if (!connection.room.name.startsWith(prefix)) continue
    names.add(connection.room.name)
    connection.close(CloseCode.forbidden, 'group erased')
  }
  for (const name of await storedDocsOfGroup(services, groupId)) names.add(name)
  for (const name of names) await sync.forget(name)
  const records = await services.data()
  const members = await records
    .selectFrom('members')
    .select('id')
    .where('group_id', '=', groupId)
    .execute()
  // Only once nothing of the group is left to write: a write sealed after this would fail.
  await keys.destroy(`group:${groupId}`)
  await Promise.all(members.map((member) => keys.destroy(`member:${member.id}`)))
  await deleteGroupRowsAndFailures(records, groupId, now())
  await dropUnusedImages(records)
  return names.size
}

/** The group's rows, and its failed sign-ins with them, in one transaction. */
async function deleteGroupRowsAndFailures(data: Data, groupId: string, now: number): Promise<void> {
  await atomically(data, async (trx) => {
    await deleteGroupRows(trx, groupId, now)
    await forgetGroupSignInFailures(trx, groupId)
  })
}

/** Finishes every erasure a stopped server left half-way (a scheduled job); logs counts only. */
export async function finishGroupErasures(services: Services): Promise<number> {
  const pending = await (
    await services.data()
  )
    .selectFrom('groups')
    .select('id')
    .where('erased_at', 'is not', null)
    .where('erasure_finished_at', 'is', null)
    .execute()
  let finished = 0
  for (const { id } of pending) {
    // One the route is finishing right now is not left half-way.
    if (finishing.get(services)?.has(id)) continue
    const documents = await finishGroupErasure(services, id)
    services.log.info({ documents }, 'erasure: a group erased before a stop was finished')
    finished++
  }
  return finished
}
