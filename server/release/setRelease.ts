import type { ReleaseKind } from '../../shared/sessions/release.ts'
import { audit, type AuditEntry } from '../audit/audit.ts'
import { atomically, type Data } from '../data/Data.ts'

/**
 * Sets what a session releases to members and for how long, with its entry in the trail;
 * false when its materials were deleted already. The change is conditional on that, so the
 * retention job deleting them at the same moment (on another instance) cannot be undone by
 * a release that would then point at nothing.
 */
export async function setRelease(
  data: Data,
  session: { id: string; groupId: string },
  change: { withheld: readonly ReleaseKind[]; days: number | null },
  actor: AuditEntry['actor'],
  now: number,
): Promise<boolean> {
  const withheld = [...new Set(change.withheld)].sort()
  return atomically(data, async (trx) => {
    const changed = await trx
      .updateTable('sessions')
      .set({ withheld: JSON.stringify(withheld), release_days: change.days })
      .where('id', '=', session.id)
      .where('materials_deleted_at', 'is', null)
      .executeTakeFirst()
    if (Number(changed.numUpdatedRows) === 0) return false
    await audit(
      trx,
      {
        actor,
        action: 'session.release-changed',
        target: { kind: 'session', id: session.id },
        groupId: session.groupId,
        detail: { withheld: withheld.join(',') || null, days: change.days },
      },
      now,
    )
    return true
  })
}
