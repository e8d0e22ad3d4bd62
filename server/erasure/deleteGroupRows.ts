import type { Db } from '../db/openDatabase.ts'

const SESSIONS = 'SELECT id FROM sessions WHERE group_id = :group'
const MEMBERS = 'SELECT id FROM members WHERE group_id = :group'
const WORKSHEETS = 'SELECT id FROM worksheets WHERE group_id = :group'
const HANDOUTS = `SELECT id FROM handouts WHERE session_id IN (${SESSIONS})`

/**
 * Every row of a group in the main database, children before the rows they refer to (foreign
 * keys are on). What the group's members, facilitators and sessions made goes; the facilitators'
 * own libraries (templates, decks) and accounts stay, and so do the audit trail (append-only,
 * ids and counts only) and ended logins (a token hash and times).
 */
const DELETIONS: readonly string[] = [
  `DELETE FROM crisis_alerts WHERE signal_id IN
     (SELECT id FROM silent_signals WHERE session_id IN (${SESSIONS}))`,
  `DELETE FROM silent_signals WHERE session_id IN (${SESSIONS})`,
  `DELETE FROM private_lines WHERE session_id IN (${SESSIONS})`,
  `DELETE FROM chat_reactions WHERE message_id IN
     (SELECT id FROM chat_messages WHERE session_id IN (${SESSIONS}))`,
  `DELETE FROM chat_messages WHERE session_id IN (${SESSIONS})`,
  `DELETE FROM chat_mutes WHERE session_id IN (${SESSIONS})`,
  `DELETE FROM canvas_images WHERE key IN
     (SELECT key FROM canvas_keys WHERE session_id IN (${SESSIONS}))`,
  `DELETE FROM canvas_keys WHERE session_id IN (${SESSIONS})`,
  `DELETE FROM video_attendance WHERE identity IN
     (SELECT identity FROM video_identities WHERE session_id IN (${SESSIONS}))`,
  `DELETE FROM video_identities WHERE session_id IN (${SESSIONS})`,
  `DELETE FROM video_keys WHERE session_id IN (${SESSIONS})`,
  `DELETE FROM checkin_answers WHERE checkin_id IN
     (SELECT id FROM checkins WHERE session_id IN (${SESSIONS}))`,
  `DELETE FROM checkins WHERE session_id IN (${SESSIONS})`,
  `DELETE FROM measure_answers WHERE request_id IN
     (SELECT id FROM measure_requests WHERE session_id IN (${SESSIONS}))`,
  `DELETE FROM measure_requests WHERE session_id IN (${SESSIONS})`,
  `DELETE FROM slide_responses WHERE handout_id IN (${HANDOUTS})`,
  `DELETE FROM slide_results_shown WHERE handout_id IN (${HANDOUTS})`,
  `DELETE FROM handout_images WHERE handout_id IN (${HANDOUTS})`,
  `DELETE FROM handouts WHERE session_id IN (${SESSIONS})`,
  `DELETE FROM session_snapshots WHERE session_id IN (${SESSIONS})`,
  `DELETE FROM worksheet_shares WHERE worksheet_id IN (${WORKSHEETS})`,
  `DELETE FROM private_copies WHERE worksheet_id IN (${WORKSHEETS})`,
  `DELETE FROM deleted_copies WHERE worksheet_id IN (${WORKSHEETS})`,
  `DELETE FROM worksheets WHERE group_id = :group`,
  `DELETE FROM reminders_sent WHERE session_id IN (${SESSIONS})`,
  `DELETE FROM push_subscriptions WHERE member_id IN (${MEMBERS})`,
  `DELETE FROM session_attendance WHERE session_id IN (${SESSIONS})`,
  `DELETE FROM sessions WHERE group_id = :group`,
  `DELETE FROM session_series WHERE group_id = :group`,
  `DELETE FROM calendar_feeds WHERE member_id IN (${MEMBERS})`,
  `DELETE FROM agreement_acceptances WHERE member_id IN (${MEMBERS})`,
  `DELETE FROM invitations WHERE group_id = :group`,
  `DELETE FROM member_goals WHERE group_id = :group`,
  `DELETE FROM members WHERE group_id = :group`,
  `DELETE FROM agreements WHERE group_id = :group`,
  `DELETE FROM group_facilitators WHERE group_id = :group`,
  // Failed sign-ins count by `m:<group>:<pseudonym key>` (server/auth/authRoutes.ts).
  `DELETE FROM login_failures WHERE instr(key, 'm:' || :group || ':') > 0`,
]

/** Deletes them in one transaction, blanks the group's own row, and marks the erasure done. */
export function deleteGroupRows(db: Db, groupId: string, now: number): number {
  return db.transaction(() => {
    let rows = 0
    for (const sql of DELETIONS) rows += Number(db.sql.prepare(sql).run({ group: groupId }).changes)
    db.sql
      .prepare(
        `UPDATE groups SET name = '', theme = '', description = '', goals = '',
           erasure_finished_at = ? WHERE id = ?`,
      )
      .run(now, groupId)
    return rows
  })
}
