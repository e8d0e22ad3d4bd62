import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { slidesOf } from '../../shared/slides/deckDoc.ts'
import { forTheGroup, tally, type ResponseSpec } from '../../shared/slides/responses.ts'
import { groupScope, rowIdOf, slideResponse } from '../crypto/sealedColumns.ts'
import type { Services } from '../http/AppEnv.ts'
import { answersTo, resultsShown } from './slideAnswers.ts'

export interface HandoutRef {
  id: string
  sessionId: string
  groupId: string
}

/** The question a slide of a session's deck asks, or null when it asks none. */
export const questionOf = (services: Services, handout: HandoutRef, slideId: string) =>
  services.sync.serverRead(
    sessionDocName.handout(handout.groupId, handout.sessionId, handout.id) as DocName,
    (doc) => slidesOf(doc).find((s) => s.id === slideId)?.response ?? null,
  )

/**
 * Writes one response slide's counts where they belong: all of them into the facilitators'
 * results document; into the deck itself (what members read) only the group-safe summary,
 * and only while the facilitators show it. Never who answered what.
 */
export async function publishResults(
  services: Services,
  handout: HandoutRef,
  slideId: string,
  /** The slide's question, when the caller has just read it; else it is read here. */
  question?: ResponseSpec,
): Promise<void> {
  const { sync } = services
  const data = await services.data()
  const slide = { handoutId: handout.id, slideId }
  const deck = sessionDocName.handout(handout.groupId, handout.sessionId, handout.id) as DocName
  const spec = question ?? (await questionOf(services, handout, slideId))
  // Sorted here, once opened: the order answers came in would tell who wrote what.
  const key = await services.keys.key(groupScope(handout.groupId))
  const answers = (await answersTo(data, slide))
    .map((r) => slideResponse.openWith(key, rowIdOf(handout.id, slideId, r.member_id), r.value))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const results = spec ? tally(spec, answers) : null
  const resultsName = sessionDocName.handoutResults(
    handout.groupId,
    handout.sessionId,
    handout.id,
  ) as DocName
  await sync.serverWrite(resultsName, (doc) => {
    const map = doc.getMap('results')
    if (results) map.set(slideId, results)
    else map.delete(slideId)
  })
  const shown = await resultsShown(data, slide)
  const summary = shown && results ? forTheGroup(results) : null
  await sync.serverWrite(deck, (doc) => {
    const map = doc.getMap('results')
    if (summary) map.set(slideId, summary)
    else if (map.has(slideId)) map.delete(slideId)
  })
}
