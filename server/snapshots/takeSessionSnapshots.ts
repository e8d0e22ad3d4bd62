import * as Y from 'yjs'
import { parseGroupDocName } from '../../shared/documents/docKinds.ts'
import { scopeOfDoc } from '../crypto/docKeys.ts'
import { rowIdOf, snapshotData } from '../crypto/sealedColumns.ts'
import { newId } from '../db/newId.ts'
import type { Services } from '../http/AppEnv.ts'
import { storedDocsOfSession } from '../store/storedDocsOfSession.ts'
import { keepSnapshot } from './snapshotRows.ts'

/**
 * When a session ends, keeps each of its worksheet documents — the group's sheets and every
 * member's own copy — as it is at that moment, so "as it was at the end of session 4" can
 * be read even after later edits. Taken once: ending is final, and a retry changes nothing.
 * Sealed like the document itself (a member's copy with the member's key), to its row and name.
 */
export async function takeSessionSnapshots(services: Services, sessionId: string): Promise<number> {
  const { sync, now } = services
  const data = await services.data()
  const session = await data
    .selectFrom('sessions')
    .select('group_id')
    .where('id', '=', sessionId)
    .executeTakeFirst()
  if (!session) return 0
  const names = (await storedDocsOfSession(services, session.group_id, sessionId))
    .map((name) => ({ name, parsed: parseGroupDocName(name) }))
    .filter(({ parsed }) => parsed?.kind === 'session-shared' || parsed?.kind === 'member-private')
  let taken = 0
  for (const { name, parsed } of names) {
    const state = await sync.serverRead(name, (doc) => Y.encodeStateAsUpdate(doc))
    const id = newId('snapshot')
    const sealed = await snapshotData.seal(
      services.keys,
      scopeOfDoc(name),
      rowIdOf(id, name),
      state,
    )
    const snapshot = { id, sessionId, worksheetId: parsed!.itemId!, doc: name, data: sealed }
    if (await keepSnapshot(data, snapshot, now())) taken++
  }
  return taken
}
