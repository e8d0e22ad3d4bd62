import { DAY_MS } from '../../shared/sessions/release.ts'
import { audit } from '../audit/audit.ts'
import { atomically, type Data } from '../data/Data.ts'

/** Ended sessions whose released material ran past its time and is not yet deleted. */
export function sessionsPastRelease(
  data: Data,
  now: number,
): Promise<{ id: string; group_id: string }[]> {
  return data
    .selectFrom('sessions')
    .select(['id', 'group_id'])
    .where('status', '=', 'ended')
    .where('release_days', 'is not', null)
    .where('materials_deleted_at', 'is', null)
    .where((eb) => eb(eb('ended_at', '+', eb('release_days', '*', DAY_MS)), '<=', now))
    .execute()
}

/**
 * Records that a session's material was deleted (counts only in the trail); false when it
 * already was. Instances running the job at once delete the same things (which is harmless)
 * but record it once: the mark is conditional, and only the one that made it audits.
 */
export async function markMaterialsDeleted(
  data: Data,
  session: { id: string; group_id: string },
  documents: number,
  now: number,
): Promise<boolean> {
  return atomically(data, async (trx) => {
    const marked = await trx
      .updateTable('sessions')
      .set({ materials_deleted_at: now })
      .where('id', '=', session.id)
      .where('materials_deleted_at', 'is', null)
      .executeTakeFirst()
    if (Number(marked.numUpdatedRows) === 0) return false
    await audit(
      trx,
      {
        actor: { kind: 'system', id: null },
        action: 'session.materials-deleted',
        target: { kind: 'session', id: session.id },
        groupId: session.group_id,
        detail: { documents, reason: 'retention' },
      },
      now,
    )
    return true
  })
}
