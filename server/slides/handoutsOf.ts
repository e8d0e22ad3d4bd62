import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { Db } from '../db/openDatabase.ts'

/** The decks brought into a session, in order, with the document members read. */
export const handoutsOf = (db: Db, groupId: string, sessionId: string) =>
  (
    db.sql
      .prepare('SELECT id, title FROM handouts WHERE session_id = ? ORDER BY created_at')
      .all(sessionId) as { id: string; title: string }[]
  ).map((h) => ({ ...h, document: sessionDocName.handout(groupId, sessionId, h.id) }))
