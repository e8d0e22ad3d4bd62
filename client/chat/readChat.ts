import type * as Y from 'yjs'
import {
  CHAT_MESSAGES,
  CHAT_ORDER,
  CHAT_SETTINGS,
  chatMessage,
  chatTyping,
  TYPING_FIELD,
  type ChatMessage,
  type ChatTyping,
} from '../../shared/chat/chatDoc.ts'

export interface ChatView {
  /** The window the document holds, oldest first. */
  messages: ChatMessage[]
  locked: boolean
  slowSeconds: number
  /** Older messages exist on the server before this one (its seq), or null. */
  olderFrom: number | null
}

/** The chat as the server wrote it; anything malformed is left out rather than half-shown. */
export function readChat(doc: Y.Doc): ChatView {
  const byId = doc.getMap(CHAT_MESSAGES)
  const messages = doc
    .getArray<string>(CHAT_ORDER)
    .toArray()
    .flatMap((id) => {
      const parsed = chatMessage.safeParse(byId.get(id))
      return parsed.success ? [parsed.data] : []
    })
  const settings = doc.getMap(CHAT_SETTINGS)
  const olderFrom = settings.get('olderFrom')
  return {
    messages,
    locked: settings.get('locked') === true,
    slowSeconds:
      typeof settings.get('slowSeconds') === 'number' ? (settings.get('slowSeconds') as number) : 0,
    olderFrom: typeof olderFrom === 'number' ? olderFrom : null,
  }
}

/** Who is typing, from the server's own presence entry on the chat (the only one there). */
export function readTyping(states: Map<number, Record<string, unknown>>): ChatTyping {
  for (const state of states.values()) {
    const parsed = chatTyping.safeParse(state[TYPING_FIELD])
    if (parsed.success) return parsed.data
  }
  return { names: [], others: 0 }
}

/**
 * "Sam is typing", "2 people are typing": the others, never the reader. `selfName`/`selfTyping`
 * take the reader out (an anonymous reader is one of the count while they type).
 */
export function describeTyping(
  typing: ChatTyping,
  self: { name: string; anonymous: boolean; typing: boolean },
): string {
  const names = typing.names.filter((n) => !(self.typing && !self.anonymous && n === self.name))
  const others = Math.max(0, typing.others - (self.typing && self.anonymous ? 1 : 0))
  const total = names.length + others
  if (total === 0) return ''
  if (others === 0 && names.length === 1) return `${names[0]} is typing…`
  if (others === 0 && names.length === 2) return `${names[0]} and ${names[1]} are typing…`
  if (names.length === 0)
    return others === 1 ? 'Someone is typing…' : `${others} people are typing…`
  return `${total} people are typing…`
}

/** Splits text into plain runs and web addresses, which are shown but never made links. */
export function splitLinks(text: string): { text: string; link: boolean }[] {
  const parts: { text: string; link: boolean }[] = []
  const pattern = /\bhttps?:\/\/[^\s<>"]+|\bwww\.[^\s<>"]+/gi
  let last = 0
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index), link: false })
    parts.push({ text: match[0], link: true })
    last = match.index + match[0].length
  }
  if (last < text.length) parts.push({ text: text.slice(last), link: false })
  return parts
}
