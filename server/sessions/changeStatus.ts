import type { SessionStatus } from '../../shared/documents/docKinds.ts'
import { audit, type AuditEntry } from '../audit/audit.ts'
import { atomically, type Data } from '../data/Data.ts'

/** Which status may follow which: scheduled → open (waiting room) → live → ended. */
const NEXT: Record<SessionStatus, SessionStatus[]> = {
  scheduled: ['open', 'cancelled'],
  open: ['live', 'ended', 'cancelled'],
  live: ['ended'],
  ended: [],
  cancelled: [],
}

/** When each status was reached. */
const STAMP = {
  open: 'opened_at',
  live: 'started_at',
  ended: 'ended_at',
  cancelled: 'ended_at',
} as const

export type NewStatus = keyof typeof STAMP

/**
 * Moves a session to `status` when its current one allows it (with the time it happened; an
 * ended session's attendance is closed), with its entry in the trail. `from` is the status it
 * had, or has when refused. The move is conditional on the status read, so two facilitators
 * (or instances) moving a session at once are taken one after the other: ending it twice ends
 * it once, and the effects that follow an end (snapshots, the chat) are not doubled.
 */
export async function changeStatus(
  data: Data,
  sessionId: string,
  groupId: string,
  status: NewStatus,
  actor: AuditEntry['actor'],
  now: number,
): Promise<{ changed: boolean; from: SessionStatus }> {
  return atomically(data, async (trx) => {
    let from: SessionStatus
    // Read, then move only from what was read: if another move came first, read again (statuses
    // only go forward, so this ends).
    for (;;) {
      from = (
        await trx
          .selectFrom('sessions')
          .select('status')
          .where('id', '=', sessionId)
          .executeTakeFirstOrThrow()
      ).status as SessionStatus
      if (!NEXT[from].includes(status)) return { changed: false, from }
      const moved = await trx
        .updateTable('sessions')
        .set({ status })
        .set(STAMP[status], now)
        .where('id', '=', sessionId)
        .where('status', '=', from)
        .executeTakeFirst()
      if (Number(moved.numUpdatedRows) === 1) break
    }
    if (status === 'ended') {
      await trx
        .updateTable('session_attendance')
        .set({ left_at: now })
        .where('session_id', '=', sessionId)
        .where('left_at', 'is', null)
        .execute()
    }
    await audit(
      trx,
      {
        actor,
        action: 'session.status-changed',
        target: { kind: 'session', id: sessionId },
        groupId,
        detail: { from, to: status },
      },
      now,
    )
    return { changed: true, from }
  })
}
