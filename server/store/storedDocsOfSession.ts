import { parseGroupDocName, sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import type { Services } from '../http/AppEnv.ts'

/**
 * Every document stored for one session (in the log or as a snapshot), after what was
 * accepted so far has been committed.
 */
export async function storedDocsOfSession(
  services: Services,
  groupId: string,
  sessionId: string,
): Promise<DocName[]> {
  await services.sync.drain()
  const prefix = sessionDocName.room(groupId, sessionId).slice(0, -'room'.length)
  return (await services.sync.storedNames(prefix)).filter(
    (name) => parseGroupDocName(name)?.sessionId === sessionId,
  )
}
