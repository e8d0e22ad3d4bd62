import { useCallback, useMemo } from 'react'
import { useSyncedDoc } from '../sync/useSyncedDoc.ts'
import { PageHeading } from '../ui/PageHeading.tsx'
import { fetchPlaygroundToken, PlaygroundOff } from './fetchPlaygroundToken.ts'
import { PlaygroundEditor } from './PlaygroundEditor.tsx'
import { parsePlaygroundParams, type PlaygroundParams } from './playgroundParams.ts'

/** A shared scratch text for trying live editing; the document comes from `?doc=`. */
export function PlaygroundPage({ search }: { search: string }) {
  const params = useMemo(() => parsePlaygroundParams(search), [search])
  return (
    <>
      <div className="page-intro">
        <PageHeading title="Playground">Playground</PageHeading>
        <p className="lede">
          A shared scratch page for trying live editing together. Anyone with the link can read it,
          so please do not write anything about a real person.
        </p>
      </div>
      <PlaygroundDocument key={`${params.docName}:${params.access}`} params={params} />
    </>
  )
}

function PlaygroundDocument({ params }: { params: PlaygroundParams }) {
  const getToken = useCallback(
    (signal: AbortSignal) => fetchPlaygroundToken(params.access, signal),
    [params.access],
  )
  const state = useSyncedDoc(params.docName, getToken)
  switch (state.phase) {
    case 'loading':
      return (
        <p className="notice" role="status">
          Opening the document…
        </p>
      )
    case 'failed':
      if (state.error instanceof PlaygroundOff) {
        return (
          <div className="notice notice--calm" role="status">
            <p>
              The playground is off on this server. It lets anyone write without an account, so it
              runs only when its operator starts Hearth with <code>HEARTH_PLAYGROUND=true</code>.
            </p>
          </div>
        )
      }
      return (
        <div className="notice notice--problem" role="alert">
          <p>The document could not be opened. Check your connection, then try again.</p>
          <button type="button" className="button" onClick={state.retry}>
            Try again
          </button>
        </div>
      )
    case 'ready':
      return <PlaygroundEditor synced={state.synced} params={params} />
  }
}
