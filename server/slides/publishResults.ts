import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { slidesOf } from '../../shared/slides/deckDoc.ts'
import { forTheGroup, tally } from '../../shared/slides/responses.ts'
import type { Services } from '../http/AppEnv.ts'

export interface HandoutRef {
  id: string
  sessionId: string
  groupId: string
}

/**
 * Writes one response slide's counts where they belong: all of them into the facilitators'
 * results document; into the deck itself (what members read) only the group-safe summary,
 * and only while the facilitators show it. Never who answered what.
 */
export async function publishResults(
  services: Services,
  handout: HandoutRef,
  slideId: string,
): Promise<void> {
  const { db, sync } = services
  const deck = sessionDocName.handout(handout.groupId, handout.sessionId, handout.id) as DocName
  const spec = await sync.serverRead(
    deck,
    (doc) => slidesOf(doc).find((s) => s.id === slideId)?.response ?? null,
  )
  const answers = (
    db.sql
      .prepare(
        'SELECT value FROM slide_responses WHERE handout_id = ? AND slide_id = ? ORDER BY value',
      )
      .all(handout.id, slideId) as { value: string }[]
  ).map((r) => r.value)
  const results = spec ? tally(spec, answers) : null
  const results_name = sessionDocName.handoutResults(
    handout.groupId,
    handout.sessionId,
    handout.id,
  ) as DocName
  await sync.serverWrite(results_name, (doc) => {
    const map = doc.getMap('results')
    if (results) map.set(slideId, results)
    else map.delete(slideId)
  })
  const shown = db.sql
    .prepare('SELECT 1 FROM slide_results_shown WHERE handout_id = ? AND slide_id = ?')
    .get(handout.id, slideId)
  const summary = shown && results ? forTheGroup(results) : null
  await sync.serverWrite(deck, (doc) => {
    const map = doc.getMap('results')
    if (summary) map.set(slideId, summary)
    else if (map.has(slideId)) map.delete(slideId)
  })
}
