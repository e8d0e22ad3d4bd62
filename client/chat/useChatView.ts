import { useEffect, useState } from 'react'
import type * as Y from 'yjs'

/** What `read` makes of a whole document, read again after every change to it. */
export function useChatView<T>(doc: Y.Doc, read: (doc: Y.Doc) => T): T {
  const [value, setValue] = useState(() => read(doc))
  useEffect(() => {
    const onUpdate = () => setValue(read(doc))
    onUpdate()
    doc.on('update', onUpdate)
    return () => doc.off('update', onUpdate)
    // `read` is a module-level function at every call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc])
  return value
}
