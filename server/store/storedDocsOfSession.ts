import { parseGroupDocName, sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import type { Services } from '../http/AppEnv.ts'

/**
 * Every document stored for one session (in the log or as a snapshot), after what was
 * accepted so far has been committed. Read from the SQLite store's tables, which share the
 * database file with the relational schema.
 */
export async function storedDocsOfSession(
  services: Services,
  groupId: string,
  sessionId: string,
): Promise<DocName[]> {
  await services.sync.drain()
  const prefix = `${sessionDocName.room(groupId, sessionId).slice(0, -'room'.length)}%`
  return (
    services.db.sql
      .prepare(
        'SELECT doc FROM doc_updates WHERE doc LIKE ? UNION SELECT doc FROM doc_snapshots WHERE doc LIKE ?',
      )
      .all(prefix, prefix) as { doc: string }[]
  )
    .map((r) => r.doc as DocName)
    .filter((name) => parseGroupDocName(name)?.sessionId === sessionId)
}
