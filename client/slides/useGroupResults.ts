import type * as Y from 'yjs'
import type { ResponseResults } from '../../shared/slides/responses.ts'
import { useSharedMap } from '../sync/useSharedMap.ts'

/** A results map as the server wrote it: counts by slide id. */
export const readResults = (map: Y.Map<unknown>) =>
  new Map(map.entries() as IterableIterator<[string, ResponseResults]>)

/**
 * The counts the facilitators chose to show the group, by slide: the server writes them into
 * the deck's `results` map (and all of them, for the facilitators, into `handout-results`).
 */
export const useGroupResults = (doc: Y.Doc) => useSharedMap(doc, 'results', readResults)
