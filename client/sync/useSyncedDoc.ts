import { useEffect, useState } from 'react'
import type { DocName } from '../../shared/documents/docName.ts'
import { openSyncedDoc, type SyncedDoc } from './openSyncedDoc.ts'
import { pageMux } from './pageMux.ts'
import { syncServerUrl } from './syncServerUrl.ts'

export type SyncedDocState =
  | { phase: 'loading' }
  | { phase: 'failed'; error: unknown; retry: () => void }
  | { phase: 'ready'; synced: SyncedDoc }

/**
 * Fetches a token, then keeps `docName` in sync until unmount. `getToken` must be stable
 * (`useCallback`); null means the login cookie authenticates the socket. Render the caller
 * with `key={docName}` so a new document starts afresh. With no name (a document the person
 * does not have), it stays 'loading' and opens nothing.
 */
export function useSyncedDoc(
  docName: DocName | null,
  getToken: ((signal: AbortSignal) => Promise<string>) | null,
): SyncedDocState {
  const [attempt, setAttempt] = useState(0)
  const [state, setState] = useState<SyncedDocState>({ phase: 'loading' })

  useEffect(() => {
    if (docName === null) return
    const abort = new AbortController()
    let synced: SyncedDoc | null = null
    const tokenOrCookie = getToken ? getToken(abort.signal) : Promise.resolve(undefined)
    tokenOrCookie.then(
      (token) => {
        if (abort.signal.aborted) return
        synced = openSyncedDoc({
          serverUrl: syncServerUrl(window.location),
          docName,
          ...(getToken && token
            ? { token, refreshToken: () => getToken(abort.signal) }
            : { mux: pageMux() }),
        })
        setState({ phase: 'ready', synced })
      },
      (error: unknown) => {
        if (abort.signal.aborted) return
        setState({
          phase: 'failed',
          error,
          retry: () => {
            setState({ phase: 'loading' })
            setAttempt((n) => n + 1)
          },
        })
      },
    )
    return () => {
      abort.abort()
      synced?.destroy()
    }
  }, [docName, getToken, attempt])

  return state
}
