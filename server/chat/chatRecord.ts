import {
  CHAT_PAGE,
  chatAuthor,
  type ChatAuthor,
  type ChatMessage,
  type Reaction,
} from '../../shared/chat/chatDoc.ts'
import type { KeyRing } from '../crypto/keyRing.ts'
import { chatText, groupScope } from '../crypto/sealedColumns.ts'
import type { Db } from '../db/openDatabase.ts'

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

/**
 * The server's record of a session's chat (`chat_messages`): every message, where the chat
 * document holds only the recent ones. Views built here never carry `member_id`. The words are
 * sealed with the group's key, to the message's row; rows are opened as they are read, and one
 * that does not open throws (`SealedDataRejected`) rather than showing as removed or empty.
 */
export function chatRecord(db: Db, keys: KeyRing) {
  const nextSeq = db.sql.prepare(
    'SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM chat_messages WHERE session_id = ?',
  )
  const insert = db.sql.prepare(
    `INSERT INTO chat_messages (id, session_id, seq, at, author, member_id, text)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  )
  const byId = db.sql.prepare(
    `SELECT m.*, s.group_id FROM chat_messages m JOIN sessions s ON s.id = m.session_id
     WHERE m.id = ? AND m.session_id = ?`,
  )
  const older = db.sql.prepare(
    `SELECT m.*, s.group_id FROM chat_messages m JOIN sessions s ON s.id = m.session_id
     WHERE m.session_id = ? AND m.seq < ? ORDER BY m.seq DESC LIMIT ?`,
  )
  const groupOf = db.sql.prepare('SELECT group_id FROM sessions WHERE id = ?')
  const opened = (stored: unknown): ChatRow | undefined => {
    if (!stored) return undefined
    const { group_id, ...row } = stored as ChatRow & { group_id: string }
    if (row.text === null) return row
    return { ...row, text: chatText.open(keys, groupScope(group_id), row.id, row.text) }
  }
  const counts = db.sql.prepare(
    'SELECT reaction, COUNT(*) AS n FROM chat_reactions WHERE message_id = ? GROUP BY reaction',
  )

  const reactionsOf = (messageId: string): Partial<Record<Reaction, number>> => {
    const out: Partial<Record<Reaction, number>> = {}
    for (const row of counts.all(messageId) as { reaction: Reaction; n: number }[]) {
      out[row.reaction] = row.n
    }
    return out
  }

  /** What the room sees of a stored message. */
  const viewOf = (row: ChatRow): ChatMessage => {
    const reactions = reactionsOf(row.id)
    return {
      id: row.id,
      seq: row.seq,
      at: row.at,
      author: chatAuthor.catch({ kind: 'anonymous' }).parse(JSON.parse(row.author)),
      text: row.removed ? null : row.text,
      ...(row.removed ? { removed: row.removed as 'facilitator' | 'member' } : {}),
      ...(Object.keys(reactions).length > 0 ? { reactions } : {}),
    }
  }

  return {
    viewOf,
    /** Appends a message; its order in the session is given here, in one statement each. */
    append(m: {
      id: string
      sessionId: string
      at: number
      author: ChatAuthor
      memberId: string | null
      text: string
    }): ChatRow {
      return db.transaction(() => {
        const { seq } = nextSeq.get(m.sessionId) as { seq: number }
        const { group_id } = groupOf.get(m.sessionId) as { group_id: string }
        const text = chatText.seal(keys, groupScope(group_id), m.id, m.text)
        insert.run(m.id, m.sessionId, seq, m.at, JSON.stringify(m.author), m.memberId, text)
        return opened(byId.get(m.id, m.sessionId))!
      })
    },
    get: (sessionId: string, id: string) => opened(byId.get(id, sessionId)),
    /** The page of messages before `seq`, oldest first. */
    before(sessionId: string, seq: number, limit: number = CHAT_PAGE): ChatMessage[] {
      const rows = older.all(sessionId, seq, limit).map((row) => opened(row)!)
      return rows.reverse().map(viewOf)
    },
    /** Forgets a message that could not be delivered (its chat document refused it). */
    discard(sessionId: string, id: string): void {
      db.sql.prepare('DELETE FROM chat_messages WHERE id = ? AND session_id = ?').run(id, sessionId)
    },
    /** Takes the words out of a message, for good (the row stays, marked). */
    remove(sessionId: string, id: string, by: 'facilitator' | 'member', at: number): void {
      db.transaction(() => {
        db.sql
          .prepare(
            `UPDATE chat_messages SET text = NULL, removed = ?, removed_at = ?
             WHERE id = ? AND session_id = ?`,
          )
          .run(by, at, id, sessionId)
        db.sql.prepare('DELETE FROM chat_reactions WHERE message_id = ?').run(id)
      })
    },
    /** Turns one person's reaction on or off; whether anything changed. */
    react(messageId: string, person: string, reaction: Reaction, on: boolean): boolean {
      const statement = on
        ? 'INSERT OR IGNORE INTO chat_reactions (message_id, person, reaction) VALUES (?, ?, ?)'
        : 'DELETE FROM chat_reactions WHERE message_id = ? AND person = ? AND reaction = ?'
      return db.sql.prepare(statement).run(messageId, person, reaction).changes > 0
    },
  }
}
export type ChatRecord = ReturnType<typeof chatRecord>
