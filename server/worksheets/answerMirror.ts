import { parseGroupDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import type { Services } from '../http/AppEnv.ts'
import { mirrorSharedAnswers } from './mirrorSharedAnswers.ts'

/** Shared answers follow the sheet within this long of the member's last keystroke. */
const SETTLE_MS = 250

/**
 * Listens to changed documents and re-mirrors the shared answers of private worksheets that
 * have any, once typing settles. Documents without field shares cost one indexed lookup.
 */
export function answerMirror(services: Services): (names: DocName[]) => void {
  const hasFieldShares = services.db.sql.prepare(
    "SELECT 1 FROM worksheet_shares WHERE worksheet_id = ? AND member_id = ? AND field_id != '' LIMIT 1",
  )
  const timers = new Map<DocName, NodeJS.Timeout>()
  return (names) => {
    for (const name of names) {
      const doc = parseGroupDocName(name)
      if (doc?.kind !== 'member-private' || !hasFieldShares.get(doc.itemId!, doc.ownerId!)) continue
      clearTimeout(timers.get(name))
      const timer = setTimeout(() => {
        timers.delete(name)
        mirrorSharedAnswers(services, name).catch((error: unknown) =>
          services.log.error({ err: error, doc: name }, 'mirroring shared answers failed'),
        )
      }, SETTLE_MS)
      timer.unref()
      timers.set(name, timer)
    }
  }
}
