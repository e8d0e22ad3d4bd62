import type { SyncServer } from '../sync/SyncServer.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { ChatTypists } from './chatTyping.ts'

/**
 * What the chat keeps in memory only: who is typing, and who wrote each anonymous message
 * where the group's policy lets nobody know. That last link is never stored, shown or logged;
 * it lets a facilitator mute "whoever wrote this" without learning who, and is dropped when
 * the session ends (or the server restarts).
 */
export function chatState(sync: SyncServer) {
  const writers = new Map<string, Map<string, string>>()
  const typists = new ChatTypists(sync)
  sync.onTyping = (e) => typists.apply(e.chat as DocName, e.person, e.name, e.typing)
  return {
    typists,
    rememberWriter(sessionId: string, messageId: string, memberId: string): void {
      let session = writers.get(sessionId)
      if (!session) writers.set(sessionId, (session = new Map()))
      session.set(messageId, memberId)
    },
    writerOf: (sessionId: string, messageId: string): string | null =>
      writers.get(sessionId)?.get(messageId) ?? null,
    forgetWriter(sessionId: string, messageId: string): void {
      writers.get(sessionId)?.delete(messageId)
    },
    /** Every anonymous writer of a member (their erasure). */
    forgetMember(memberId: string): void {
      for (const session of writers.values()) {
        for (const [messageId, writer] of session)
          if (writer === memberId) session.delete(messageId)
      }
    },
    endSession(sessionId: string): void {
      writers.delete(sessionId)
    },
  }
}
export type ChatState = ReturnType<typeof chatState>
