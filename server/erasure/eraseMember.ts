import { sessionDocName } from '../../shared/documents/docKinds.ts'
import { FORMER_MEMBER } from '../../shared/members/formerMember.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { endLoginsOf } from '../auth/logins.ts'
import { newId } from '../db/newId.ts'
import type { Services } from '../http/AppEnv.ts'
import { publishResults } from '../slides/publishResults.ts'
import { eraseMemberChat } from '../chat/eraseMemberChat.ts'
import { eraseMemberCanvas } from '../whiteboard/eraseMemberCanvas.ts'
import { eraseMemberRituals } from '../checkins/eraseMemberRituals.ts'
import { eraseMemberGoals } from '../goals/eraseMemberGoals.ts'
import { eraseCopy, type SheetRef } from './eraseCopy.ts'

/**
 * Erases everything that is a member's own, for good (leaving and erasing, or a facilitator
 * acting on their request): every private copy with what they shared from it, their private
 * lines, signals and calendar link; their pseudonym and passphrase; and their logins, whose
 * sockets close. What they wrote on the group's shared sheets stays the group's (Yjs keeps no
 * author, and the agreement says so); so do anonymous chat messages nobody may trace to them.
 * Chat messages that can be traced are removed (server/chat/eraseMemberChat.ts). Returns the number of documents deleted or rewritten.
 */
export async function eraseMember(
  services: Services,
  memberId: string,
): Promise<{ documents: number; loginsEnded: string[] }> {
  const { db, sync, now } = services
  const member = db.sql.prepare('SELECT group_id FROM members WHERE id = ?').get(memberId) as
    { group_id: string } | undefined
  if (!member) return { documents: 0, loginsEnded: [] }
  // Stop them first: no socket of theirs may write while their documents go.
  db.sql
    .prepare(
      "UPDATE members SET status = 'removed', removed_at = COALESCE(removed_at, ?) WHERE id = ?",
    )
    .run(now(), memberId)
  const loginsEnded = await endLoginsOf(
    await services.data(),
    [{ kind: 'member', id: memberId }],
    now(),
  )
  sync.closeLogins(loginsEnded)
  // Every private sheet of the group they may have a copy of: by alias, or stored by name.
  const sheets = db.sql
    .prepare(
      `SELECT id, session_id, group_id FROM worksheets WHERE group_id = ? AND mode = 'private'`,
    )
    .all(member.group_id) as unknown as SheetRef[]
  let documents = 0
  for (const sheet of sheets) {
    const name = sessionDocName.private(sheet.group_id, sheet.session_id, sheet.id, memberId)
    const has = db.sql
      .prepare(
        `SELECT 1 FROM private_copies WHERE worksheet_id = ? AND member_id = ?
         UNION SELECT 1 FROM doc_updates WHERE doc = ? UNION SELECT 1 FROM doc_snapshots WHERE doc = ?
         UNION SELECT 1 FROM worksheet_shares WHERE worksheet_id = ? AND member_id = ?`,
      )
      .get(sheet.id, memberId, name, name, sheet.id, memberId)
    if (has) documents += await eraseCopy(services, sheet, memberId)
  }
  const lines = db.sql
    .prepare(
      `SELECT l.line_key, s.id AS session_id, s.group_id FROM private_lines l
       JOIN sessions s ON s.id = l.session_id WHERE l.member_id = ?`,
    )
    .all(memberId) as { line_key: string; session_id: string; group_id: string }[]
  for (const line of lines) {
    await sync.forget(sessionDocName.line(line.group_id, line.session_id, line.line_key) as DocName)
    documents++
  }
  // Their answers to response slides, and the counts that included them.
  const answered = db.sql
    .prepare(
      `SELECT DISTINCT r.handout_id AS id, r.slide_id AS slideId, h.session_id AS sessionId
       FROM slide_responses r JOIN handouts h ON h.id = r.handout_id WHERE r.member_id = ?`,
    )
    .all(memberId) as { id: string; slideId: string; sessionId: string }[]
  db.sql.prepare('DELETE FROM slide_responses WHERE member_id = ?').run(memberId)
  for (const a of answered) {
    const handout = { id: a.id, sessionId: a.sessionId, groupId: member.group_id }
    await publishResults(services, handout, a.slideId)
    // The counts are rewritten; folding the logs takes the old words out of the store.
    await sync.compactNow(
      sessionDocName.handoutResults(member.group_id, a.sessionId, a.id) as DocName,
    )
    await sync.compactNow(sessionDocName.handout(member.group_id, a.sessionId, a.id) as DocName)
    documents++
  }
  documents += await eraseMemberChat(services, memberId)
  documents += await eraseMemberCanvas(services, memberId)
  documents += await eraseMemberRituals(services, memberId)
  documents += await eraseMemberGoals(services, memberId)
  db.transaction(() => {
    db.sql.prepare('DELETE FROM private_lines WHERE member_id = ?').run(memberId)
    db.sql.prepare('DELETE FROM silent_signals WHERE member_id = ?').run(memberId)
    db.sql.prepare('DELETE FROM calendar_feeds WHERE member_id = ?').run(memberId)
    db.sql.prepare('DELETE FROM push_subscriptions WHERE member_id = ?').run(memberId)
    db.sql.prepare('DELETE FROM worksheet_shares WHERE member_id = ?').run(memberId)
    db.sql
      .prepare(
        'UPDATE members SET pseudonym = ?, pseudonym_key = ?, passphrase_hash = NULL WHERE id = ?',
      )
      .run(FORMER_MEMBER, newId('member'), memberId)
  })
  // Their private copies are deleted above; destroying their key makes older backups of them
  // unreadable too (crypto-erasure).
  services.keys.destroy(`member:${memberId}`)
  return { documents, loginsEnded }
}
