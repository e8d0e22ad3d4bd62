import {
  CHAT_MESSAGES,
  CHAT_ORDER,
  CHAT_SETTINGS,
  CHAT_WINDOW,
  type ChatMessage,
  type ChatSettings,
} from '../../shared/chat/chatDoc.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import type { SyncServer } from '../sync/SyncServer.ts'

/**
 * The server's writes to a chat document (shared/chat/chatDoc.ts). Each is one transaction of
 * the server's own Yjs client, so no update a peer receives carries anything of the writer.
 */

/** Adds a message at the end, letting the oldest fall out of the window; false if refused. */
export function appendToChat(sync: SyncServer, name: DocName, message: ChatMessage) {
  return sync.serverWrite(name, (doc) => {
    const order = doc.getArray<string>(CHAT_ORDER)
    const messages = doc.getMap<ChatMessage>(CHAT_MESSAGES)
    messages.set(message.id, message)
    order.push([message.id])
    const over = order.length - CHAT_WINDOW
    if (over > 0) {
      for (const old of order.slice(0, over)) messages.delete(old)
      order.delete(0, over)
    }
    const first = messages.get(order.get(0))
    // Older messages exist on the server when the window does not start at the first one.
    if (first && first.seq > 1) doc.getMap(CHAT_SETTINGS).set('olderFrom', first.seq)
  })
}

/** Replaces a message still in the window (removed, reactions); older ones live only on the server. */
export function replaceInChat(sync: SyncServer, name: DocName, message: ChatMessage) {
  return sync.serverWrite(name, (doc) => {
    const messages = doc.getMap<ChatMessage>(CHAT_MESSAGES)
    if (messages.has(message.id)) messages.set(message.id, message)
  })
}

export function writeChatSettings(sync: SyncServer, name: DocName, settings: ChatSettings) {
  return sync.serverWrite(name, (doc) => {
    const map = doc.getMap(CHAT_SETTINGS)
    if (map.get('locked') !== settings.locked) map.set('locked', settings.locked)
    if (map.get('slowSeconds') !== settings.slowSeconds)
      map.set('slowSeconds', settings.slowSeconds)
  })
}
