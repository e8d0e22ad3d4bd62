import { useCallback, useId, useState } from 'react'
import type { DocName } from '../../shared/documents/docName.ts'
import { canvasEntry, type CanvasEntry } from '../../shared/whiteboard/canvasDoc.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { useResource } from '../api/useResource.ts'
import { Loaded } from '../ui/Loaded.tsx'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import { useAction } from '../ui/useAction.ts'
import type { CanvasProblem } from './bindCanvas.ts'
import type { TLContent } from 'tldraw'
import { announce } from '../ui/announce.ts'
import { CanvasEditor, type CanvasPart, type CanvasReady } from './CanvasEditor.tsx'
import { CanvasPrompt } from './CanvasPrompt.tsx'
import { CanvasTools } from './CanvasTools.tsx'
import { useCanvasDocs } from './useCanvasDocs.ts'
import './whiteboard.css'

export interface WhiteboardPanelProps {
  sessionId: string
  role: 'facilitator' | 'member'
  over: boolean
}

/** tldraw shows its editor without a key only on this machine (with a watermark). */
const isLocal = () => ['localhost', '127.0.0.1', '[::1]'].includes(window.location.hostname)

/**
 * The Whiteboard tab: the group canvas (each person draws on their own layer, everyone sees
 * every layer) and, for a member, a canvas of their own that nobody else sees.
 */
export function WhiteboardPanel({ sessionId, role, over }: WhiteboardPanelProps) {
  const load = useCallback(
    (signal: AbortSignal) =>
      apiRequest(`/api/sessions/${sessionId}/canvas`, {
        method: 'POST',
        schema: canvasEntry,
        signal,
      }),
    [sessionId],
  )
  const [entry, reload] = useResource(load)
  return (
    <Loaded resource={entry} loading="Opening the whiteboard…" retry={reload}>
      {(loaded) => (
        <Whiteboard
          entry={loaded}
          sessionId={sessionId}
          role={role}
          over={over}
          onChanged={reload}
        />
      )}
    </Loaded>
  )
}

function Whiteboard({
  entry,
  sessionId,
  role,
  over,
  onChanged,
}: WhiteboardPanelProps & { entry: CanvasEntry; onChanged: () => void }) {
  const id = useId()
  const [which, setWhich] = useState<'group' | 'mine'>('group')
  const [problem, setProblem] = useState<string | null>(null)
  const [ready, setReady] = useState<CanvasReady | null>(null)
  // A copy of drawings from one's own canvas, put on the group canvas once it has opened.
  const [sharing, setSharing] = useState<TLContent | null>(null)
  const lock = useAction()
  const onReady = (next: CanvasReady | null) => {
    setReady(next)
    if (next && sharing && which === 'group') {
      next.editor.putContentOntoCurrentPage(sharing, { select: true })
      setSharing(null)
      announce('A copy of your drawing is on the group canvas.')
    }
  }
  if (!entry.licenseKey && !isLocal()) {
    return (
      <p className="notice notice--calm" role="status">
        The whiteboard is not set up on this server yet: it needs a tldraw licence key
        (TLDRAW_LICENSE_KEY). Ask whoever runs Hearth for your practice.
      </p>
    )
  }
  const onProblem = (p: CanvasProblem) =>
    setProblem(
      p.kind === 'newer-schema'
        ? 'Part of this canvas was made with a newer version of Hearth and cannot be shown here.'
        : p.kind === 'not-yours'
          ? 'You can move and erase only your own drawings.'
          : p.kind === 'no-pictures'
            ? 'Pictures cannot be added to the whiteboard yet. Draw, write or use shapes instead.'
            : 'Something on the canvas could not be shown.',
    )
  const base = entry.canvas.slice(0, entry.canvas.lastIndexOf('/canvas'))
  const layerName = (key: string) => `${base}/canvas/${key}` as DocName
  const canDraw = !over && !(entry.locked && role === 'member')
  const parts: CanvasPart[] =
    which === 'mine' && entry.sketch
      ? [{ name: entry.sketch, writable: !over, role: 'mine' }]
      : [
          { name: entry.canvas, writable: role === 'facilitator' && !over, role: 'page' },
          ...(entry.layer ? [{ name: entry.layer, writable: canDraw, role: 'mine' as const }] : []),
          ...entry.layers
            .filter((name) => name !== entry.layer)
            .map((name) => ({
              name,
              writable: role === 'facilitator' && !over,
              role: 'other' as const,
            })),
        ]
  return (
    <div className="whiteboard stack-small">
      <div className="actions" role="group" aria-label="Which canvas">
        <button
          type="button"
          className="button button--secondary button--small"
          aria-pressed={which === 'group'}
          onClick={() => setWhich('group')}
        >
          Group canvas
        </button>
        {entry.sketch && (
          <button
            type="button"
            className="button button--secondary button--small"
            aria-pressed={which === 'mine'}
            onClick={() => setWhich('mine')}
          >
            My own canvas
          </button>
        )}
        {role === 'facilitator' && !over && (
          <button
            type="button"
            className="button button--quiet button--small"
            aria-pressed={entry.locked}
            onClick={() =>
              void lock.run(async () => {
                await apiRequest(`/api/sessions/${sessionId}/canvas/lock`, {
                  method: 'PUT',
                  body: { locked: !entry.locked },
                  schema: canvasEntry.pick({ locked: true }),
                })
                onChanged()
              })
            }
          >
            {entry.locked ? 'Unlock the canvas' : 'Lock the canvas'}
          </button>
        )}
      </div>
      <p id={`${id}-note`} className="muted">
        {which === 'mine'
          ? 'Only you can see this canvas.'
          : entry.locked
            ? 'The facilitators have locked the canvas: you can look, not draw.'
            : 'Everyone in the group sees this canvas. You can move and erase only your own drawings.'}
      </p>
      {(problem ?? lock.problem) && (
        <p className="field-error" role="alert">
          {problem ?? lock.problem}
        </p>
      )}
      <CanvasTools
        ready={ready}
        which={which}
        role={role}
        canDraw={which === 'mine' ? !over : canDraw}
        onShare={(content) => {
          setSharing(content)
          setWhich('group')
        }}
      />
      <Canvas
        key={`${which}:${String(entry.locked)}`}
        sessionId={sessionId}
        facilitator={role === 'facilitator' && !over}
        onReady={onReady}
        parts={parts}
        layersFrom={which === 'group' ? entry.canvas : null}
        layerName={layerName}
        licenseKey={entry.licenseKey}
        label={which === 'mine' ? 'My own canvas' : 'Group canvas'}
        onProblem={onProblem}
      />
    </div>
  )
}

function Canvas({
  parts,
  layersFrom,
  sessionId,
  facilitator,
  ...props
}: Omit<Parameters<typeof CanvasEditor>[0], 'docs' | 'layersFrom'> & {
  layersFrom: DocName | null
  sessionId: string
  /** A facilitator chooses the prompt shown above the group canvas. */
  facilitator: boolean
}) {
  const docs = useCanvasDocs(parts.map((p) => p.name))
  if (!docs) return <LoadingNotice>Opening the canvas…</LoadingNotice>
  const canvasDoc = layersFrom ? (docs.get(layersFrom) ?? null) : null
  return (
    <>
      {canvasDoc && (
        <CanvasPrompt sessionId={sessionId} canvasDoc={canvasDoc.doc} facilitator={facilitator} />
      )}
      <CanvasEditor {...props} parts={parts} docs={docs} layersFrom={canvasDoc} />
    </>
  )
}
