import { createHash } from 'node:crypto'
import { TYPING_FIELD, type ChatTyping } from '../../shared/chat/chatDoc.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import type { SyncServer } from '../sync/SyncServer.ts'

/** A "typing" lasts this long unless renewed (the client renews every few seconds). */
export const TYPING_MS = 6000

interface Typist {
  /** The name the room may see, or null for an anonymous member (counted, never named). */
  name: string | null
  timer: NodeJS.Timeout
}

/**
 * Who is typing in each chat, told to the room as the server's own presence state: names where
 * the identity policy shows them, a count of anonymous members otherwise. Clients' own presence
 * on the chat is dropped (DocRoom.serverPresenceOnly), so no state of theirs can say who types.
 * Kept in memory only, and forgotten after TYPING_MS without renewal.
 */
export class ChatTypists {
  readonly #sync: SyncServer
  readonly #chats = new Map<DocName, Map<string, Typist>>()
  readonly #told = new Map<DocName, string>()

  constructor(sync: SyncServer) {
    this.#sync = sync
  }

  /** `person` (an opaque key) starts or stops typing in `chat`; every instance is told. */
  set(chat: DocName, person: string, name: string | null, typing: boolean): void {
    // Between instances, an anonymous member travels as a hash, not as their id.
    const key = createHash('sha256').update(person).digest('base64url')
    this.#sync.shareChatEvent({ kind: 'typing', chat, person: key, name, typing })
    this.apply(chat, key, name, typing)
  }

  /** The same, told by another instance (or the renewal's end): this instance's room only. */
  apply(chat: DocName, person: string, name: string | null, typing: boolean): void {
    let typists = this.#chats.get(chat)
    const held = typists?.get(person)
    if (held) clearTimeout(held.timer)
    if (typing) {
      if (!typists) this.#chats.set(chat, (typists = new Map()))
      // Each instance lets it lapse on its own clock: nothing to tell the others.
      const timer = setTimeout(() => this.apply(chat, person, name, false), TYPING_MS)
      timer.unref()
      typists.set(person, { name, timer })
    } else {
      typists?.delete(person)
      if (typists?.size === 0) this.#chats.delete(chat)
    }
    this.#publish(chat)
  }

  /** Everyone stops typing in `chat` (the session ended). */
  clear(chat: DocName): void {
    for (const typist of this.#chats.get(chat)?.values() ?? []) clearTimeout(typist.timer)
    this.#chats.delete(chat)
    this.#publish(chat)
  }

  #publish(chat: DocName): void {
    const typists = [...(this.#chats.get(chat)?.values() ?? [])]
    const state: ChatTyping = {
      names: typists.flatMap((t) => (t.name === null ? [] : [t.name])).sort(),
      others: typists.filter((t) => t.name === null).length,
    }
    const json = typists.length === 0 ? 'null' : JSON.stringify(state)
    if (this.#told.get(chat) === json) return
    if (json === 'null') this.#told.delete(chat)
    else this.#told.set(chat, json)
    void this.#sync.setPresence(chat, typists.length === 0 ? null : { [TYPING_FIELD]: state })
  }
}
