import { useEffect, useState } from 'react'
import type { DocName } from '../../shared/documents/docName.ts'
import { openSyncedDoc, type SyncedDoc } from '../sync/openSyncedDoc.ts'
import { pageMux } from '../sync/pageMux.ts'
import { syncServerUrl } from '../sync/syncServerUrl.ts'

/** Opens a document on the page's socket and resolves once it first synced with the server. */
export function openCanvasDoc(name: DocName): { synced: SyncedDoc; ready: Promise<void> } {
  const synced = openSyncedDoc({
    serverUrl: syncServerUrl(window.location),
    docName: name,
    mux: pageMux(),
  })
  const ready = new Promise<void>((resolve) => {
    if (synced.getSnapshot().hasSynced) return resolve()
    const stop = synced.subscribe(() => {
      if (!synced.getSnapshot().hasSynced) return
      stop()
      resolve()
    })
  })
  return { synced, ready }
}

/**
 * Opens every document of a canvas and says when all of them first synced (the binding must
 * not start before: an empty copy would look like a canvas with nothing on it). Closed on
 * unmount.
 */
export function useCanvasDocs(names: readonly DocName[]): Map<DocName, SyncedDoc> | null {
  const [docs, setDocs] = useState<Map<DocName, SyncedDoc> | null>(null)
  const key = names.join('\n')
  useEffect(() => {
    let live = true
    const opened = names.map((name) => ({ name, ...openCanvasDoc(name) }))
    void Promise.all(opened.map((o) => o.ready)).then(() => {
      if (live) setDocs(new Map(opened.map((o) => [o.name, o.synced])))
    })
    return () => {
      live = false
      setDocs(null)
      for (const o of opened) o.synced.destroy()
    }
    // `key` stands for the list of names.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  return docs
}
