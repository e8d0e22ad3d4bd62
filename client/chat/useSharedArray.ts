import { useEffect, useState } from 'react'
import * as Y from 'yjs'

const NOTHING_YET = new Y.Doc()

/** What `read` makes of one array of a synced document, read again whenever it changes. */
export function useSharedArray<T>(
  doc: Y.Doc | null,
  name: string,
  read: (array: Y.Array<unknown>) => T,
): T {
  const source = doc ?? NOTHING_YET
  const [value, setValue] = useState(() => read(source.getArray(name)))
  useEffect(() => {
    const array = source.getArray(name)
    const onChange = () => setValue(read(array))
    onChange()
    array.observe(onChange)
    return () => array.unobserve(onChange)
    // `read` is a module-level function at every call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, name])
  return value
}
