import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { SIGNALS_AUTHORS, SIGNALS_LIST } from '../../shared/signals/signalDocs.ts'
import { wipeFreedSpace } from '../erasure/wipeFreedSpace.ts'
import type { Services } from '../http/AppEnv.ts'
import { replaceInChat } from './chatDocument.ts'
import { chatRecord, type ChatRow } from './chatRecord.ts'

/**
 * Removes chat messages for good: the words leave the server's record, the chat document (a
 * visible "removed" mark stays) and any crisis alert that quoted them; then both documents'
 * logs are folded into fresh snapshots (Yjs keeps deleted text in the old updates, never in a
 * re-encoded document) and the write-ahead log is truncated. With `secure_delete` on, the
 * freed pages are zeros: the text is nowhere in the database file.
 */
export async function removeMessages(
  services: Services,
  session: { id: string; groupId: string },
  ids: readonly string[],
  by: 'facilitator' | 'member',
): Promise<number> {
  const { now, sync } = services
  const record = chatRecord(await services.data(), services.keys)
  const chat = sessionDocName.chat(session.groupId, session.id) as DocName
  const signals = sessionDocName.signals(session.groupId, session.id) as DocName
  const removed: ChatRow[] = []
  for (const id of ids) {
    const row = await record.get(session.id, id)
    if (row && !row.removed) removed.push(row)
  }
  if (removed.length === 0) return 0
  for (const row of removed) {
    await record.remove(session.id, row.id, by, now())
    services.chat.forgetWriter(session.id, row.id)
    await replaceInChat(sync, chat, await record.viewOf((await record.get(session.id, row.id))!))
  }
  const gone = new Set(removed.map((r) => r.id))
  await sync.serverWrite(signals, (doc) => {
    const authors = doc.getMap(SIGNALS_AUTHORS)
    for (const id of gone) authors.delete(id)
    const list = doc.getArray<Record<string, unknown>>(SIGNALS_LIST)
    list.forEach((entry, index) => {
      if (typeof entry.messageId !== 'string' || !gone.has(entry.messageId)) return
      // The alert stays (a facilitator may still need to act on it); its copy of the words goes.
      list.delete(index, 1)
      list.insert(index, [{ ...entry, text: null }])
    })
  })
  await sync.compactNow(chat)
  await sync.compactNow(signals)
  await wipeFreedSpace(services.db)
  return removed.length
}
