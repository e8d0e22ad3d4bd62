import {
  CHAT_PAGE,
  chatAuthor,
  type ChatAuthor,
  type ChatMessage,
  type Reaction,
} from '../../shared/chat/chatDoc.ts'
import type { Keys } from '../crypto/Keys.ts'
import { chatText, groupScope } from '../crypto/sealedColumns.ts'
import { advisoryLock, atomically, onPostgres, type Data } from '../data/Data.ts'

/** A message as stored: what anyone may see, plus the server-only link to its writer. */
export interface ChatRow {
  id: string
  session_id: string
  seq: number
  at: number
  author: string
  member_id: string | null
  text: string | null
  removed: string | null
}

const COLUMNS = [
  'm.id',
  'm.session_id',
  'm.seq',
  'm.at',
  'm.author',
  'm.member_id',
  'm.text',
  'm.removed',
  's.group_id',
] as const

/**
 * The server's record of a session's chat (`chat_messages`): every message, where the chat
 * document holds only the recent ones. Views built here never carry `member_id`. The words are
 * sealed with the group's key, to the message's row; rows are opened as they are read, and one
 * that does not open throws (`SealedDataRejected`) rather than showing as removed or empty.
 */
export function chatRecord(data: Data, keys: Keys) {
  const opened = async (
    stored: (ChatRow & { group_id: string }) | undefined,
  ): Promise<ChatRow | undefined> => {
    if (!stored) return undefined
    const { group_id, ...row } = stored
    if (row.text === null) return row
    return { ...row, text: await chatText.open(keys, groupScope(group_id), row.id, row.text) }
  }
  const messages = () =>
    data.selectFrom('chat_messages as m').innerJoin('sessions as s', 's.id', 'm.session_id')

  /** Each message's reaction counts, in one query for a page of them. */
  const reactionsOf = async (messageIds: readonly string[]) => {
    const out = new Map<string, Partial<Record<Reaction, number>>>()
    if (messageIds.length === 0) return out
    const rows = await data
      .selectFrom('chat_reactions')
      .select((eb) => ['message_id', 'reaction', eb.fn.countAll<number>().as('n')])
      .where('message_id', 'in', messageIds)
      .groupBy(['message_id', 'reaction'])
      .execute()
    // In code-unit order, whatever the database's collation: the document holds them so.
    rows.sort((a, b) => (a.reaction < b.reaction ? -1 : a.reaction > b.reaction ? 1 : 0))
    for (const row of rows) {
      const counts = out.get(row.message_id) ?? {}
      counts[row.reaction as Reaction] = Number(row.n)
      out.set(row.message_id, counts)
    }
    return out
  }

  const view = (row: ChatRow, reactions: Partial<Record<Reaction, number>> = {}): ChatMessage => ({
    id: row.id,
    seq: row.seq,
    at: row.at,
    author: chatAuthor.catch({ kind: 'anonymous' }).parse(JSON.parse(row.author)),
    text: row.removed ? null : row.text,
    ...(row.removed ? { removed: row.removed as 'facilitator' | 'member' } : {}),
    ...(Object.keys(reactions).length > 0 ? { reactions } : {}),
  })

  /** What the room sees of a stored message. */
  const viewOf = async (row: ChatRow): Promise<ChatMessage> =>
    view(row, (await reactionsOf([row.id])).get(row.id))

  return {
    viewOf,
    /**
     * Appends a message, numbered after the last of its session. On PostgreSQL, where
     * instances post at once, they number one at a time (an advisory lock per session held to
     * the commit): two reading the same last number would both take the next, and one post
     * would fail on the unique (session, seq). SQLite's transactions take the write lock first.
     */
    async append(m: {
      id: string
      sessionId: string
      at: number
      author: ChatAuthor
      memberId: string | null
      text: string
    }): Promise<ChatRow> {
      const { group_id } = await data
        .selectFrom('sessions')
        .select('group_id')
        .where('id', '=', m.sessionId)
        .executeTakeFirstOrThrow()
      const row = {
        id: m.id,
        session_id: m.sessionId,
        at: m.at,
        author: JSON.stringify(m.author),
        member_id: m.memberId,
        text: await chatText.seal(keys, groupScope(group_id), m.id, m.text),
      }
      const seq = await atomically(data, async (trx) => {
        if (onPostgres(trx)) await advisoryLock(trx, `chat seq:${m.sessionId}`)
        const last = await trx
          .selectFrom('chat_messages')
          .select((eb) => eb.fn.max<number | null>('seq').as('seq'))
          .where('session_id', '=', m.sessionId)
          .executeTakeFirst()
        const seq = (last?.seq ?? 0) + 1
        await trx
          .insertInto('chat_messages')
          .values({ ...row, seq })
          .execute()
        return seq
      })
      return { ...row, seq, text: m.text, removed: null }
    },
    get: async (sessionId: string, id: string) =>
      opened(
        await messages()
          .select(COLUMNS)
          .where('m.id', '=', id)
          .where('m.session_id', '=', sessionId)
          .executeTakeFirst(),
      ),
    /** The page of messages before `seq`, oldest first. */
    async before(
      sessionId: string,
      seq: number,
      limit: number = CHAT_PAGE,
    ): Promise<ChatMessage[]> {
      const stored = await messages()
        .select(COLUMNS)
        .where('m.session_id', '=', sessionId)
        .where('m.seq', '<', seq)
        .orderBy('m.seq', 'desc')
        .limit(limit)
        .execute()
      const rows = (await Promise.all(stored.map(async (row) => (await opened(row))!))).reverse()
      const reactions = await reactionsOf(rows.map((row) => row.id))
      return rows.map((row) => view(row, reactions.get(row.id)))
    },
    /** Forgets a message that could not be delivered (its chat document refused it). */
    async discard(sessionId: string, id: string): Promise<void> {
      await data
        .deleteFrom('chat_messages')
        .where('id', '=', id)
        .where('session_id', '=', sessionId)
        .execute()
    },
    /** Takes the words out of a message, for good (the row stays, marked). */
    async remove(sessionId: string, id: string, by: 'facilitator' | 'member', at: number) {
      await atomically(data, async (trx) => {
        await trx
          .updateTable('chat_messages')
          .set({ text: null, removed: by, removed_at: at })
          .where('id', '=', id)
          .where('session_id', '=', sessionId)
          .execute()
        await trx.deleteFrom('chat_reactions').where('message_id', '=', id).execute()
      })
    },
    /** Turns one person's reaction on or off; whether anything changed. */
    async react(messageId: string, person: string, reaction: Reaction, on: boolean) {
      if (on) {
        const added = await data
          .insertInto('chat_reactions')
          .values({ message_id: messageId, person, reaction })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst()
        return Number(added.numInsertedOrUpdatedRows ?? 0) > 0
      }
      const taken = await data
        .deleteFrom('chat_reactions')
        .where('message_id', '=', messageId)
        .where('person', '=', person)
        .where('reaction', '=', reaction)
        .executeTakeFirst()
      return Number(taken.numDeletedRows) > 0
    },
  }
}
export type ChatRecord = ReturnType<typeof chatRecord>
