import { useEffect, useState } from 'react'
import * as Y from 'yjs'

/** Stands in while the document is still opening: every map in it is empty. */
const NOTHING_YET = new Y.Doc()

/**
 * What `read` makes of one map of a synced document, read again whenever the map changes
 * (for documents the server writes: room state, the waiting room). With no document yet,
 * `read` sees an empty map.
 */
export function useSharedMap<T>(
  doc: Y.Doc | null,
  mapName: string,
  read: (map: Y.Map<unknown>) => T,
): T {
  const source = doc ?? NOTHING_YET
  const [value, setValue] = useState(() => read(source.getMap(mapName)))
  useEffect(() => {
    const map = source.getMap(mapName)
    const onChange = () => setValue(read(map))
    onChange()
    map.observe(onChange)
    return () => map.unobserve(onChange)
    // `read` is a module-level function at every call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, mapName])
  return value
}
