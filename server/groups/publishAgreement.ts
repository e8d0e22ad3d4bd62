import { audit, type AuditEntry } from '../audit/audit.ts'
import type { Keys } from '../crypto/Keys.ts'
import { advisoryLock, atomically, onPostgres, type Data } from '../data/Data.ts'
import { currentAgreementVersion, sealAgreement } from './groupQueries.ts'

/**
 * Publishes the next version of a group's agreement (members accept it again before they
 * join a session); returns its version. On PostgreSQL, publications to one group take turns
 * across instances: two at once would both read the same last version and one would fail on
 * the key. SQLite's transactions take the write lock at their start, so they already do.
 */
export function publishAgreement(
  data: Data,
  keys: Keys,
  groupId: string,
  text: string,
  actor: AuditEntry['actor'],
  now: number,
): Promise<number> {
  return atomically(data, async (trx) => {
    if (onPostgres(trx)) await advisoryLock(trx, `agreement:${groupId}`)
    const next = (await currentAgreementVersion(trx, groupId)) + 1
    await trx
      .insertInto('agreements')
      .values({
        group_id: groupId,
        version: next,
        text: await sealAgreement(keys, groupId, next, text),
        created_at: now,
      })
      .execute()
    await audit(
      trx,
      { actor, action: 'agreement.published', groupId, detail: { version: next } },
      now,
    )
    return next
  })
}
