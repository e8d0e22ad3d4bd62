import { useEffect, useState } from 'react'
import * as Y from 'yjs'

/** Stands in while the document is still opening: every map and array in it is empty. */
const NOTHING_YET = new Y.Doc()

/** What `read` makes of one shared type of a synced document, read again whenever it changes. */
function useShared<S extends Y.Map<unknown> | Y.Array<unknown>, T>(
  doc: Y.Doc | null,
  get: (doc: Y.Doc) => S,
  read: (shared: S) => T,
  /** The shared type's name: a new one is read afresh. */
  name: string,
): T {
  const source = doc ?? NOTHING_YET
  const [value, setValue] = useState(() => read(get(source)))
  useEffect(() => {
    const shared = get(source)
    const onChange = () => setValue(read(shared))
    onChange()
    shared.observe(onChange)
    return () => shared.unobserve(onChange)
    // `get` follows `name`; `read` is a module-level function at every call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, name])
  return value
}

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
  return useShared(doc, (d) => d.getMap(mapName), read, mapName)
}

/** The same for one array (a private line's conversation). */
export function useSharedArray<T>(
  doc: Y.Doc | null,
  name: string,
  read: (array: Y.Array<unknown>) => T,
): T {
  return useShared(doc, (d) => d.getArray(name), read, name)
}
