import type { WriterEvent } from '../fanout/Fanout.ts'
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
  // Each change is made here and told to the other instances, which make it too: a mute asked
  // on any instance finds the writer, and an erasure leaves the link on none.
  const apply = (event: WriterEvent): void => {
    switch (event.kind) {
      case 'writer': {
        let session = writers.get(event.sessionId)
        if (!session) writers.set(event.sessionId, (session = new Map()))
        session.set(event.messageId, event.memberId)
        return
      }
      case 'writer-forgotten':
        writers.get(event.sessionId)?.delete(event.messageId)
        return
      case 'writers-of-member-forgotten':
        for (const session of writers.values()) {
          for (const [messageId, writer] of session)
            if (writer === event.memberId) session.delete(messageId)
        }
        return
      case 'writers-of-session-forgotten':
        writers.delete(event.sessionId)
    }
  }
  const change = (event: WriterEvent): void => {
    sync.shareChatEvent(event)
    apply(event)
  }
  sync.onChatEvent = (event) =>
    event.kind === 'typing'
      ? typists.apply(event.chat as DocName, event.person, event.name, event.typing)
      : apply(event)
  return {
    typists,
    rememberWriter: (sessionId: string, messageId: string, memberId: string): void =>
      change({ kind: 'writer', sessionId, messageId, memberId }),
    writerOf: (sessionId: string, messageId: string): string | null =>
      writers.get(sessionId)?.get(messageId) ?? null,
    forgetWriter: (sessionId: string, messageId: string): void =>
      change({ kind: 'writer-forgotten', sessionId, messageId }),
    /** Every anonymous writer of a member (their erasure). */
    forgetMember: (memberId: string): void =>
      change({ kind: 'writers-of-member-forgotten', memberId }),
    endSession: (sessionId: string): void =>
      change({ kind: 'writers-of-session-forgotten', sessionId }),
  }
}
export type ChatState = ReturnType<typeof chatState>
