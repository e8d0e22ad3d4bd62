import * as Y from 'yjs'
import { parseGroupDocName, sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { newId } from '../db/newId.ts'
import type { Services } from '../http/AppEnv.ts'

/**
 * When a session ends, keeps each of its worksheet documents — the group's sheets and every
 * member's own copy — as it is at that moment, so "as it was at the end of session 4" can
 * be read even after later edits. Taken once: ending is final, and a retry changes nothing.
 */
export async function takeSessionSnapshots(services: Services, sessionId: string): Promise<number> {
  const { db, sync, now } = services
  const session = db.sql.prepare('SELECT group_id FROM sessions WHERE id = ?').get(sessionId) as
    { group_id: string } | undefined
  if (!session) return 0
  // Everything accepted so far is in the store before it is listed.
  await sync.drain()
  const prefix = `${sessionDocName.room(session.group_id, sessionId).slice(0, -'room'.length)}%`
  const names = (
    db.sql
      .prepare(
        'SELECT doc FROM doc_updates WHERE doc LIKE ? UNION SELECT doc FROM doc_snapshots WHERE doc LIKE ?',
      )
      .all(prefix, prefix) as { doc: string }[]
  )
    .map((r) => ({ name: r.doc, parsed: parseGroupDocName(r.doc) }))
    .filter(({ parsed }) => parsed?.kind === 'session-shared' || parsed?.kind === 'member-private')
  const insert = db.sql.prepare(
    `INSERT OR IGNORE INTO session_snapshots (id, session_id, worksheet_id, doc, taken_at, data)
     VALUES (?, ?, ?, ?, ?, ?)`,
  )
  let taken = 0
  for (const { name, parsed } of names) {
    const state = await sync.serverRead(name as DocName, (doc) => Y.encodeStateAsUpdate(doc))
    const result = insert.run(newId('snapshot'), sessionId, parsed!.itemId!, name, now(), state)
    taken += Number(result.changes)
  }
  return taken
}
