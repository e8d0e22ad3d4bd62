import type { DocName } from '../../shared/documents/docName.ts'
import type { AccessScope } from '../sync/accessScope.ts'

/**
 * What another instance tells this one. Updates and presence are for the instance's members of
 * that document; access events say whose sockets must be decided again, everywhere.
 */
export interface FanoutHandlers {
  /** An update another instance accepted (and stores itself): apply and relay, never store. */
  update(doc: DocName, update: Uint8Array): void
  /** An awareness frame from another instance's members of `doc`: relay it. */
  presence(doc: DocName, frame: Uint8Array): void
  /** An access change made on another instance (see AccessEvent). */
  access(event: AccessEvent): void
  /**
   * The link to the other instances was lost and is back: what they sent meanwhile is gone, so
   * every open document must be read again from the store, which holds all of it.
   */
  resync(): void
}

/**
 * Whose connections an access change touches: logins signed out (closed at once), or
 * connections to be decided again against the shared database (a removal, a member sent back,
 * a session ended). Plain data, so that it crosses instances.
 */
export type AccessEvent =
  | { kind: 'logins-ended'; loginHashes: string[] }
  | { kind: 'reauthorize'; scope: AccessScope }
  /** Documents deleted (retention, erasure): every instance drops them and deletes again. */
  | { kind: 'forgotten'; docs: string[] }
  | ChatEvent

/** What the chat keeps in memory only, which every instance must keep alike. */
export type ChatEvent = TypingEvent | WriterEvent

/**
 * The link from an anonymous message to its writer (server/chat/chatState.ts), so that a
 * facilitator on any instance can mute "whoever wrote this" without learning who: made, dropped
 * with its message, dropped for a member erased, dropped when the session ends.
 */
export type WriterEvent =
  | { kind: 'writer'; sessionId: string; messageId: string; memberId: string }
  | { kind: 'writer-forgotten'; sessionId: string; messageId: string }
  | { kind: 'writers-of-member-forgotten'; memberId: string }
  | { kind: 'writers-of-session-forgotten'; sessionId: string }

/**
 * Someone starts or stops typing in a chat (server/chat/chatTyping.ts). Who types is the
 * server's presence on the chat, so every instance keeps the same typists to tell its members.
 * `person` is an opaque key; `name` is null for an anonymous member (counted, never named).
 */
export interface TypingEvent {
  kind: 'typing'
  chat: string
  person: string
  name: string | null
  typing: boolean
}

/**
 * The messages between Hearth instances that serve the same documents (issue 21). One instance
 * needs none of it (`InProcessFanout`); several share Redis (`RedisFanout`), which carries
 * messages only: PostgreSQL is the record.
 */
export interface Fanout {
  /** Receive `doc`'s messages from now on (its room opened here). */
  follow(doc: DocName): Promise<void>
  /** Stop receiving them (its room closed here). */
  unfollow(doc: DocName): Promise<void>
  publishUpdate(doc: DocName, update: Uint8Array): void
  publishPresence(doc: DocName, frame: Uint8Array): void
  publishAccess(event: AccessEvent): void
  close(): Promise<void>
}
