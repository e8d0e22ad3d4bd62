import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import type { ResponseResults } from '../../shared/slides/responses.ts'

/** The counts the facilitators chose to show the group, by slide (the server writes them). */
export function useGroupResults(doc: Y.Doc): Map<string, ResponseResults> {
  const [results, setResults] = useState(() => new Map<string, ResponseResults>())
  useEffect(() => {
    const map = doc.getMap<ResponseResults>('results')
    const read = () => setResults(new Map(map.entries()))
    read()
    map.observe(read)
    return () => map.unobserve(read)
  }, [doc])
  return results
}
