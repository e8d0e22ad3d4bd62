import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { FORMER_MEMBER } from '../../shared/members/formerMember.ts'
import { SIGNALS_LINES, SIGNALS_LIST } from '../../shared/signals/signalDocs.ts'
import { atomically, type Data } from '../data/Data.ts'
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
  const { sync } = services
  const data = await services.data()
  const traced = await data
    .selectFrom('chat_messages as m')
    .innerJoin('sessions as s', 's.id', 'm.session_id')
    .select(['m.id', 'm.session_id', 's.group_id'])
    .where('m.member_id', '=', memberId)
    .where('m.removed', 'is', null)
    .execute()
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
  const signals = await data
    .selectFrom('silent_signals as g')
    .innerJoin('sessions as s', 's.id', 'g.session_id')
    .select(['g.id', 'g.session_id', 's.group_id'])
    .where('g.member_id', '=', memberId)
    .execute()
  const lines = await data
    .selectFrom('private_lines as l')
    .innerJoin('sessions as s', 's.id', 'l.session_id')
    .select(['l.line_key', 'l.session_id', 's.group_id'])
    .where('l.member_id', '=', memberId)
    .execute()
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
  await deleteMemberChatRows(data, memberId)
  return documents
}

/**
 * Their crisis alerts (their signals go with the rest of their rows), mutes and reactions, in
 * one transaction.
 */
export async function deleteMemberChatRows(data: Data, memberId: string): Promise<void> {
  await atomically(data, async (trx) => {
    await trx
      .deleteFrom('crisis_alerts')
      .where(
        'signal_id',
        'in',
        trx.selectFrom('silent_signals').select('id').where('member_id', '=', memberId),
      )
      .execute()
    await trx.deleteFrom('chat_mutes').where('member_id', '=', memberId).execute()
    await trx.deleteFrom('chat_reactions').where('person', '=', `member:${memberId}`).execute()
  })
}
