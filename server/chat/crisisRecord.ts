import type { AlertSource } from '../../shared/signals/signalDocs.ts'
import { audit } from '../audit/audit.ts'
import type { FacilitatorPrincipal } from '../auth/Principal.ts'
import { advisoryLock, atomically, onPostgres, type Data } from '../data/Data.ts'

/** Unseen alerts from one writer at a time; the next waits until a facilitator saw them. */
export const OPEN_ALERTS_PER_WRITER = 3

export interface CrisisAlertRow {
  /** The alert's silent signal (kind 'crisis'), which is also the alert's id. */
  id: string
  sessionId: string
  groupId: string
  memberId: string
  category: string
  source: AlertSource
  messageId: string | null
}

/**
 * Stores an alert (its silent signal, its category and source, the trail's entry), unless the
 * writer has `OPEN_ALERTS_PER_WRITER` unseen already: false then, and nothing is written. On
 * PostgreSQL one writer's alerts are counted and stored one at a time (an advisory lock per
 * session and writer): instances counting at once would each see room for one more.
 */
export async function recordCrisisAlert(
  data: Data,
  alert: CrisisAlertRow,
  at: number,
): Promise<boolean> {
  return atomically(data, async (trx) => {
    if (onPostgres(trx))
      await advisoryLock(trx, `crisis alerts:${alert.sessionId}:${alert.memberId}`)
    const open = await trx
      .selectFrom('silent_signals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('session_id', '=', alert.sessionId)
      .where('member_id', '=', alert.memberId)
      .where('kind', '=', 'crisis')
      .where('seen_at', 'is', null)
      .executeTakeFirstOrThrow()
    if (Number(open.n) >= OPEN_ALERTS_PER_WRITER) return false
    await trx
      .insertInto('silent_signals')
      .values({
        id: alert.id,
        session_id: alert.sessionId,
        member_id: alert.memberId,
        kind: 'crisis',
        sent_at: at,
      })
      .execute()
    await trx
      .insertInto('crisis_alerts')
      .values({
        signal_id: alert.id,
        category: alert.category,
        source: alert.source,
        message_id: alert.messageId,
      })
      .execute()
    await audit(
      trx,
      {
        actor: { kind: 'system', id: null },
        action: 'crisis.alerted',
        target: { kind: 'session', id: alert.sessionId },
        groupId: alert.groupId,
        detail: { category: alert.category, source: alert.source },
      },
      at,
    )
    return true
  })
}

/** Who wrote what raised an alert of this session (to reach them), or null for no such alert. */
export async function crisisAlertWriter(
  data: Data,
  sessionId: string,
  alertId: string,
): Promise<string | null> {
  const row = await data
    .selectFrom('silent_signals as s')
    .innerJoin('crisis_alerts as a', 'a.signal_id', 's.id')
    .select('s.member_id')
    .where('s.id', '=', alertId)
    .where('s.session_id', '=', sessionId)
    .executeTakeFirst()
  return row?.member_id ?? null
}

/**
 * Records that a facilitator sends an alert's writer the crisis resources, with its entry,
 * before they are sent, unless they were sent already: false then. One statement decides, so two clicks at once (on
 * one instance or two) send once.
 */
export async function claimResourcesSent(
  data: Data,
  sent: { alertId: string; sessionId: string; groupId: string; by: FacilitatorPrincipal },
  at: number,
): Promise<boolean> {
  return atomically(data, async (trx) => {
    const claimed = await trx
      .updateTable('crisis_alerts')
      .set({ resources_sent_at: at })
      .where('signal_id', '=', sent.alertId)
      .where('resources_sent_at', 'is', null)
      .executeTakeFirst()
    if (Number(claimed.numUpdatedRows) === 0) return false
    await audit(
      trx,
      {
        actor: sent.by,
        action: 'crisis.resources-sent',
        target: { kind: 'session', id: sent.sessionId },
        groupId: sent.groupId,
      },
      at,
    )
    return true
  })
}

/**
 * Undoes a claim whose sending failed, so that the facilitator may try again (the entry of the
 * attempt stays in the audit trail, which only grows).
 */
export async function releaseResourcesSent(data: Data, alertId: string, at: number): Promise<void> {
  await data
    .updateTable('crisis_alerts')
    .set({ resources_sent_at: null })
    .where('signal_id', '=', alertId)
    .where('resources_sent_at', '=', at)
    .execute()
}
