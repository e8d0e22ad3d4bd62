import { DOC_BYTE_CAPS, parseGroupDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { DECK_BYTE_CAPS, parseDeckDocName } from '../../shared/slides/deckNames.ts'
import { GOALS_BYTE_CAPS, parseGoalsDocName } from '../../shared/goals/goalsDocNames.ts'

/** The playground is anonymous scratch space: small documents only. */
export const PLAYGROUND_DOC_BYTES = 1024 * 1024

/**
 * The size cap of a document: its kind's (`DOC_BYTE_CAPS`), the playground's, or `fallback`
 * (`HEARTH_MAX_DOC_BYTES`) for names outside both, which only signed tokens can open.
 */
export function docByteCap(fallback: number): (name: DocName) => number {
  return (name) => {
    const doc = parseGroupDocName(name)
    if (doc) return DOC_BYTE_CAPS[doc.kind]
    const deck = parseDeckDocName(name)
    if (deck) return DECK_BYTE_CAPS[deck.kind]
    const goals = parseGoalsDocName(name)
    if (goals) return GOALS_BYTE_CAPS[goals.kind]
    if (name.startsWith('playground/')) return PLAYGROUND_DOC_BYTES
    return fallback
  }
}
