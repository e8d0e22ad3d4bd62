import { parseGroupDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import type { Services } from '../http/AppEnv.ts'
import { hasFieldShares } from './worksheetShares.ts'
import { mirrorSharedAnswers } from './mirrorSharedAnswers.ts'

/** Shared answers follow the sheet within this long of the member's last keystroke. */
const SETTLE_MS = 250

/**
 * Listens to changed documents and re-mirrors the shared answers of private worksheets that
 * have any, once typing settles. A private copy without field shares costs one indexed
 * lookup when its typing settles: the hook cannot await a query, so the lookup waits for the
 * settled change rather than running on every keystroke.
 */
export function answerMirror(services: Services): (names: DocName[]) => void {
  const timers = new Map<DocName, NodeJS.Timeout>()
  const settled = async (name: DocName, worksheetId: string, memberId: string) => {
    if (!(await hasFieldShares(await services.data(), worksheetId, memberId))) return
    await mirrorSharedAnswers(services, name)
  }
  return (names) => {
    for (const name of names) {
      const doc = parseGroupDocName(name)
      if (doc?.kind !== 'member-private') continue
      clearTimeout(timers.get(name))
      const timer = setTimeout(() => {
        timers.delete(name)
        settled(name, doc.itemId!, doc.ownerId!).catch((error: unknown) =>
          services.log.error({ err: error, doc: name }, 'mirroring shared answers failed'),
        )
      }, SETTLE_MS)
      timer.unref()
      timers.set(name, timer)
    }
  }
}
