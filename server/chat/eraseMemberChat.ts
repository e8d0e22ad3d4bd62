import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { FORMER_MEMBER } from '../../shared/members/formerMember.ts'
import { SIGNALS_LINES, SIGNALS_LIST } from '../../shared/signals/signalDocs.ts'
import type { Services } from '../http/AppEnv.ts'
import { removeMessages } from './removeMessages.ts'

/**
 * A member's erasure, for the chat and what facilitators saw of them: their chat messages that
 * can be traced to them are removed ("removed by the member"; an anonymous message nobody may
 * trace stays the group's, like their words on a shared sheet), their mutes and reactions go,
 * and their signals and crisis alerts in the facilitators' documents lose their name and words.
 * Returns the number of documents rewritten.
 */
export async function eraseMemberChat(services: Services, memberId: string): Promise<number> {
  const { db, sync } = services
  const traced = db.sql
    .prepare(
      `SELECT m.id, m.session_id, s.group_id FROM chat_messages m JOIN sessions s
       ON s.id = m.session_id WHERE m.member_id = ? AND m.removed IS NULL`,
    )
    .all(memberId) as { id: string; session_id: string; group_id: string }[]
  const bySession = new Map<string, { groupId: string; ids: string[] }>()
  for (const row of traced) {
    const entry = bySession.get(row.session_id) ?? { groupId: row.group_id, ids: [] }
    entry.ids.push(row.id)
    bySession.set(row.session_id, entry)
  }
  let documents = 0
  for (const [id, { groupId, ids }] of bySession) {
    await removeMessages(services, { id, groupId }, ids, 'member')
    documents++
  }
  services.chat.forgetMember(memberId)
  // What the facilitators' signals documents hold of them: their signals, alerts and line.
  const signals = db.sql
    .prepare(
      `SELECT g.id, g.session_id, s.group_id FROM silent_signals g JOIN sessions s
       ON s.id = g.session_id WHERE g.member_id = ?`,
    )
    .all(memberId) as { id: string; session_id: string; group_id: string }[]
  const lines = db.sql
    .prepare(
      `SELECT l.line_key, l.session_id, s.group_id FROM private_lines l JOIN sessions s
       ON s.id = l.session_id WHERE l.member_id = ?`,
    )
    .all(memberId) as { line_key: string; session_id: string; group_id: string }[]
  const touched = new Map<string, { groupId: string; signals: Set<string>; lines: Set<string> }>()
  const at = (sessionId: string, groupId: string) => {
    let entry = touched.get(sessionId)
    if (!entry) touched.set(sessionId, (entry = { groupId, signals: new Set(), lines: new Set() }))
    return entry
  }
  for (const s of signals) at(s.session_id, s.group_id).signals.add(s.id)
  for (const l of lines) at(l.session_id, l.group_id).lines.add(l.line_key)
  for (const [sessionId, entry] of touched) {
    const name = sessionDocName.signals(entry.groupId, sessionId) as DocName
    await sync.serverWrite(name, (doc) => {
      const list = doc.getArray<Record<string, unknown>>(SIGNALS_LIST)
      list.forEach((item, index) => {
        if (typeof item.id !== 'string' || !entry.signals.has(item.id)) return
        const { line: _line, ...kept } = item
        list.delete(index, 1)
        list.insert(index, [
          { ...kept, name: FORMER_MEMBER, ...('text' in item ? { text: null } : {}) },
        ])
      })
      const lineMap = doc.getMap(SIGNALS_LINES)
      for (const key of entry.lines) lineMap.delete(key)
    })
    await sync.compactNow(name)
    documents++
  }
  db.transaction(() => {
    db.sql
      .prepare(
        'DELETE FROM crisis_alerts WHERE signal_id IN (SELECT id FROM silent_signals WHERE member_id = ?)',
      )
      .run(memberId)
    db.sql.prepare('DELETE FROM chat_mutes WHERE member_id = ?').run(memberId)
    db.sql.prepare('DELETE FROM chat_reactions WHERE person = ?').run(`member:${memberId}`)
  })
  return documents
}
