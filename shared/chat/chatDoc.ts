import { z } from 'zod'

/**
 * The group's chat document (`g/<g>/s/<s>/chat`): written by the server only, read by the room.
 * It holds the recent part of the chat; older messages are paged over HTTP from the server's
 * record. Nothing in it names or links to a member who wrote anonymously: no member id, no
 * pseudonym, no per-writer key (every change is the server's own Yjs client).
 *
 * - `order`: message ids, oldest first (the window; at most CHAT_WINDOW).
 * - `messages`: message id → ChatMessage.
 * - `settings`: `locked`, `slowSeconds`, `olderFrom` (the seq of the oldest message in the
 *   window when older ones exist on the server, else absent).
 */
export const CHAT_ORDER = 'order'
export const CHAT_MESSAGES = 'messages'
export const CHAT_SETTINGS = 'settings'

/** Messages kept in the document; older ones are fetched page by page. */
export const CHAT_WINDOW = 150
export const CHAT_PAGE = 50
/** Characters in one message (a long paragraph; a wall of text is not a chat message). */
export const CHAT_MAX_CHARS = 2000
/** The slow-mode intervals a facilitator can choose, in seconds (0: off). */
export const SLOW_MODE_SECONDS = [0, 10, 30, 60, 120] as const

/** The reactions a message can get: warm ones, for a therapy group; counts only, never who. */
export const REACTIONS = {
  heart: { emoji: '❤️', label: 'Heart' },
  hug: { emoji: '🤗', label: 'Hug' },
  thanks: { emoji: '🙏', label: 'Thank you' },
  same: { emoji: '🙋', label: 'Same here' },
} as const
export type Reaction = keyof typeof REACTIONS
export const REACTION_KEYS = Object.keys(REACTIONS) as Reaction[]

/** Who a message shows as: the group's identity policy decides, at the time it is sent. */
export const chatAuthor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('member'), name: z.string().max(80), colour: z.string().max(16) }),
  z.object({ kind: z.literal('facilitator'), name: z.string().max(80) }),
  z.object({ kind: z.literal('anonymous') }),
])
export type ChatAuthor = z.infer<typeof chatAuthor>

export const ANONYMOUS_LABEL = 'Anonymous member'

export const chatMessage = z.object({
  id: z.string().max(64),
  seq: z.number().int(),
  at: z.number(),
  author: chatAuthor,
  /** Null once a facilitator removed it: a visible mark stays, the words do not. */
  text: z.string().max(CHAT_MAX_CHARS).nullable(),
  removed: z.enum(['facilitator', 'member']).optional(),
  reactions: z
    .partialRecord(z.enum(REACTION_KEYS as [Reaction, ...Reaction[]]), z.number())
    .optional(),
})
export type ChatMessage = z.infer<typeof chatMessage>

export const chatSettings = z.object({
  locked: z.boolean(),
  slowSeconds: z.number().int().min(0),
})
export type ChatSettings = z.infer<typeof chatSettings>

export const authorLabel = (author: ChatAuthor): string =>
  author.kind === 'anonymous' ? ANONYMOUS_LABEL : author.name

// Requests.
export const chatPostRequest = z.object({
  text: z.string().trim().min(1, 'Write something first.').max(CHAT_MAX_CHARS),
  /** In an anonymous group, a member may choose to sign one message with their name. */
  named: z.boolean().optional(),
})
export const chatReactRequest = z.object({
  reaction: z.enum(REACTION_KEYS as [Reaction, ...Reaction[]]),
  on: z.boolean(),
})
export const chatSettingsRequest = z
  .object({
    locked: z.boolean().optional(),
    slowSeconds: z
      .number()
      .int()
      .refine((s) => (SLOW_MODE_SECONDS as readonly number[]).includes(s), 'not a slow-mode step')
      .optional(),
  })
  .strict()
/** Mute by member (from the people list) or by message (its writer, who stays unnamed). */
export const chatMuteRequest = z.union([
  z.object({ memberId: z.string().max(40) }).strict(),
  z.object({ messageId: z.string().max(40) }).strict(),
])
export const chatTypingRequest = z.object({ typing: z.boolean() })

/** The server's presence entry on the chat document: who is typing, as the policy allows. */
export const chatTyping = z.object({
  /** Names of those typing whose names the room may see (facilitators; named members). */
  names: z.array(z.string().max(80)).max(50),
  /** How many anonymous members are typing. */
  others: z.number().int().min(0),
})
export type ChatTyping = z.infer<typeof chatTyping>
/** The presence field the server's entry uses. */
export const TYPING_FIELD = 'chatTyping'
