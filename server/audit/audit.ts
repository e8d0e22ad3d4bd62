import { createHash } from 'node:crypto'
import { advisoryLock, atomically, onPostgres, type Data } from '../data/Data.ts'

/**
 * What the trail records. Accesses to health data and every change of who may see it; never
 * the content itself.
 */
export type AuditAction =
  | 'facilitator.created'
  | 'login.succeeded'
  | 'login.failed'
  | 'login.ended'
  | 'login.expired'
  | 'totp.enabled'
  | 'group.created'
  | 'group.updated'
  | 'agreement.published'
  | 'agreement.accepted'
  | 'facilitator.added'
  | 'facilitator.role-changed'
  | 'facilitator.removed'
  | 'invitation.created'
  | 'invitation.revoked'
  | 'member.joined'
  | 'member.access-reissued'
  | 'member.access-restored'
  | 'member.removed'
  | 'session.scheduled'
  | 'session.status-changed'
  | 'session.locked'
  | 'session.unlocked'
  | 'session.arrived'
  | 'session.admitted'
  | 'session.returned-to-waiting-room'
  | 'session.removed'
  | 'document.opened'
  | 'audit.viewed'
  | 'calendar.created'
  | 'worksheet.assigned'
  | 'worksheet.shared'
  | 'worksheet.unshared'
  | 'worksheet.exported'
  | 'worksheet.closed'
  | 'worksheet.reopened'
  | 'signal.sent'
  | 'signal.seen'
  | 'session.presented'
  | 'session.waiting-message'
  | 'session.release-changed'
  | 'session.materials-deleted'
  | 'worksheet.erased'
  | 'member.erased'
  | 'group.erased'
  | 'reminders.on'
  | 'reminders.off'
  | 'member.exported'
  | 'session.exported'
  | 'deck.created'
  | 'deck.shared'
  | 'deck.brought'
  | 'slides.results-shown'
  | 'preferences.changed'
  | 'chat.message-removed'
  | 'chat.settings-changed'
  | 'chat.muted'
  | 'chat.unmuted'
  | 'chat.cleared'
  | 'crisis.alerted'
  | 'crisis.resources-sent'
  | 'canvas.locked'
  | 'canvas.unlocked'
  | 'video.muted'
  | 'video.removed'
  | 'checkin.opened'
  | 'measure.sent'
  | 'measure.answered'
  | 'goals.shared'
  | 'goals.unshared'

export type AuditActorKind = 'facilitator' | 'member' | 'system' | 'anonymous'

export interface AuditEntry {
  actor: { kind: AuditActorKind; id: string | null }
  action: AuditAction
  target?: { kind: string; id: string }
  groupId?: string | null
  /** Ids, counts, codes and versions only: never names, text or any other content. */
  detail?: Record<string, string | number | boolean | null>
}

export interface AuditRow {
  seq: number
  at: number
  actor_kind: string
  actor_id: string | null
  action: string
  target_kind: string | null
  target_id: string | null
  group_id: string | null
  detail: string
  prev_hash: string
  hash: string
}

const GENESIS = '0'.repeat(64)

function rowHash(prevHash: string, r: Omit<AuditRow, 'hash' | 'prev_hash'>): string {
  const canonical = JSON.stringify([
    r.seq,
    r.at,
    r.actor_kind,
    r.actor_id,
    r.action,
    r.target_kind,
    r.target_id,
    r.group_id,
    r.detail,
  ])
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex')
}

/**
 * Appends one entry, chained to the previous one by hash (C17), in the caller's transaction
 * when there is one (an entry is written with what it records, or not at all). On
 * PostgreSQL, instances append one at a time (an advisory lock held to the commit), so no two
 * entries take the same place in the chain.
 */
export async function audit(data: Data, entry: AuditEntry, now: number): Promise<void> {
  await atomically(data, async (trx) => {
    if (onPostgres(trx)) await advisoryLock(trx, 'hearth audit')
    const last = await trx
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst()
    const row = auditRow(last, entry, now)
    await trx.insertInto('audit_log').values(row).execute()
  })
}

/** The row that follows `last` in the chain. */
function auditRow(
  last: { seq: number; hash: string } | undefined,
  entry: AuditEntry,
  now: number,
): AuditRow {
  const row = {
    seq: (last?.seq ?? 0) + 1,
    at: now,
    actor_kind: entry.actor.kind,
    actor_id: entry.actor.id,
    action: entry.action,
    target_kind: entry.target?.kind ?? null,
    target_id: entry.target?.id ?? null,
    group_id: entry.groupId ?? null,
    detail: JSON.stringify(entry.detail ?? {}),
  }
  const prevHash = last?.hash ?? GENESIS
  return { ...row, prev_hash: prevHash, hash: rowHash(prevHash, row) }
}

/** Re-computes the whole chain; reports the first row that does not match. */
export async function verifyAuditChain(
  data: Data,
): Promise<{ ok: true; rows: number } | { ok: false; brokenAt: number }> {
  const rows = await data.selectFrom('audit_log').selectAll().orderBy('seq').execute()
  let prev = GENESIS
  let expectedSeq = 1
  for (const row of rows) {
    if (row.seq !== expectedSeq || row.prev_hash !== prev || rowHash(prev, row) !== row.hash) {
      return { ok: false, brokenAt: row.seq }
    }
    prev = row.hash
    expectedSeq++
  }
  return { ok: true, rows: rows.length }
}

/** A group's trail for its facilitators, newest first. */
export function listAudit(data: Data, groupId: string, limit = 200): Promise<AuditRow[]> {
  return data
    .selectFrom('audit_log')
    .selectAll()
    .where('group_id', '=', groupId)
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute()
}
