import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { Data } from '../data/Data.ts'

/** The decks brought into a session, in order, with the document members read. */
export async function handoutsOf(data: Data, groupId: string, sessionId: string) {
  const rows = await data
    .selectFrom('handouts')
    .select(['id', 'title'])
    .where('session_id', '=', sessionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map((h) => ({ ...h, document: sessionDocName.handout(groupId, sessionId, h.id) }))
}
