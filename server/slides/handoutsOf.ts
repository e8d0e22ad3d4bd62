import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { Data } from '../data/Data.ts'
import type { Db } from '../db/openDatabase.ts'

/** The decks brought into a session, in order, with the document members read. */
export async function handoutsOf(data: Data, groupId: string, sessionId: string) {
  const rows = await data
    .selectFrom('handouts')
    .select(['id', 'title'])
    .where('session_id', '=', sessionId)
    .orderBy('created_at')
    .execute()
  return rows.map((h) => ({ ...h, document: sessionDocName.handout(groupId, sessionId, h.id) }))
}

/**
 * `handoutsOf` through a raw statement, for a synchronous caller.
 * @deprecated raw node:sqlite twin until librarySources.ts moves (issue 21)
 */
export const handoutsOfRaw = (db: Db, groupId: string, sessionId: string) =>
  (
    db.sql
      .prepare('SELECT id, title FROM handouts WHERE session_id = ? ORDER BY created_at')
      .all(sessionId) as { id: string; title: string }[]
  ).map((h) => ({ ...h, document: sessionDocName.handout(groupId, sessionId, h.id) }))
