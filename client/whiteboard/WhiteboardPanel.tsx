import { useCallback, useId, useMemo, useState } from 'react'
import type { TLContent } from 'tldraw'
import type * as Y from 'yjs'
import type { DocName } from '../../shared/documents/docName.ts'
import {
  CANVAS_GALLERY,
  CANVAS_SETTINGS,
  canvasEntry,
  type CanvasEntry,
} from '../../shared/whiteboard/canvasDoc.ts'
import { apiRequest } from '../api/apiRequest.ts'
import { useResource } from '../api/useResource.ts'
import type { CanvasPresented } from '../session/roomState.ts'
import { useSharedMap } from '../sync/useSharedMap.ts'
import { announce } from '../ui/announce.ts'
import { Loaded } from '../ui/Loaded.tsx'
import { LoadingNotice } from '../ui/LoadingNotice.tsx'
import type { CanvasProblem } from './bindCanvas.ts'
import { CanvasControls } from './CanvasControls.tsx'
import { CanvasEditor, type CanvasPart, type CanvasReady } from './CanvasEditor.tsx'
import { CanvasPrompt } from './CanvasPrompt.tsx'
import { CanvasTools } from './CanvasTools.tsx'
import { GalleryWalk } from './GalleryWalk.tsx'
import { useCanvasDocs } from './useCanvasDocs.ts'
import { useSpotlight } from './useSpotlight.ts'
import './whiteboard.css'

export interface WhiteboardPanelProps {
  sessionId: string
  role: 'facilitator' | 'member'
  over: boolean
  /** The canvas (at one work) the facilitators brought everyone to, in the room; else none. */
  spotlight?: CanvasPresented | null
}

/** tldraw shows its editor without a key only on this machine (with a watermark). */
const isLocal = () => ['localhost', '127.0.0.1', '[::1]'].includes(window.location.hostname)

/** A layer's key: the last part of its document's name (`…/canvas/<key>`). */
const keyOf = (name: DocName) => name.slice(name.lastIndexOf('/') + 1)

const readGallery = (settings: Y.Map<unknown>): string[] | null => {
  const shown = settings.get(CANVAS_GALLERY)
  return Array.isArray(shown) ? shown.filter((k): k is string => typeof k === 'string') : null
}

/**
 * The Whiteboard tab: the group canvas (each person draws on their own layer, everyone sees
 * every layer) and, for a member, a canvas of their own that nobody else sees.
 */
export function WhiteboardPanel(props: WhiteboardPanelProps) {
  const { sessionId } = props
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
      {(loaded) => <Whiteboard {...props} entry={loaded} onChanged={reload} />}
    </Loaded>
  )
}

const PROBLEMS: Record<Exclude<CanvasProblem['kind'], 'picture-refused'>, string> = {
  'newer-schema':
    'Part of this canvas was made with a newer version of Hearth and cannot be shown here.',
  'not-yours': 'You can move and erase only your own drawings.',
  'no-svg': 'SVG drawings cannot be added. A PNG, JPEG, GIF or WebP picture can.',
  'invalid-record': 'Something on the canvas could not be shown.',
}

function Whiteboard({
  entry,
  sessionId,
  role,
  over,
  spotlight = null,
  onChanged,
}: WhiteboardPanelProps & { entry: CanvasEntry; onChanged: () => void }) {
  const id = useId()
  // Where the group canvas was withheld after the session, a member still has their own.
  const [which, setWhich] = useState<'group' | 'mine'>(entry.group ? 'group' : 'mine')
  const [problem, setProblem] = useState<string | null>(null)
  const [ready, setReady] = useState<CanvasReady | null>(null)
  // A copy of drawings from one's own canvas, put on the group canvas once it has opened.
  const [sharing, setSharing] = useState<TLContent | null>(null)
  // Each new bring to the canvas takes a member back to the group canvas.
  const [lastBring, setLastBring] = useState(spotlight?.at ?? null)
  if ((spotlight?.at ?? null) !== lastBring) {
    setLastBring(spotlight?.at ?? null)
    if (spotlight && entry.group) setWhich('group')
  }
  const onReady = (next: CanvasReady | null) => {
    setReady(next)
    if (next && sharing && which === 'group') {
      next.editor.putContentOntoCurrentPage(sharing, { select: true })
      setSharing(null)
      announce('A copy of your drawing is on the group canvas.')
    }
  }
  const base = entry.canvas.slice(0, entry.canvas.lastIndexOf('/canvas'))
  const layerName = useCallback((key: string) => `${base}/canvas/${key}` as DocName, [base])
  const look = useSpotlight(
    which === 'group' ? ready : null,
    spotlight && { work: spotlight.work ? layerName(spotlight.work) : null, at: spotlight.at },
  )
  if (!entry.licenseKey && !isLocal()) {
    return (
      <p className="notice notice--calm" role="status">
        The whiteboard is not set up on this server yet: it needs a tldraw licence key
        (TLDRAW_LICENSE_KEY). Ask whoever runs Hearth for your practice.
      </p>
    )
  }
  const onProblem = (p: CanvasProblem) =>
    setProblem(p.kind === 'picture-refused' ? p.message : PROBLEMS[p.kind])
  const facilitator = role === 'facilitator' && !over
  const canDraw = !over && !(entry.locked && role === 'member')
  const parts: CanvasPart[] =
    which === 'mine' && entry.sketch
      ? [{ name: entry.sketch, writable: !over, role: 'mine' }]
      : [
          { name: entry.canvas, writable: facilitator, role: 'page' },
          ...(entry.layer ? [{ name: entry.layer, writable: canDraw, role: 'mine' as const }] : []),
          ...entry.layers
            .filter((name) => name !== entry.layer)
            .map((name) => ({ name, writable: facilitator, role: 'other' as const })),
        ]
  return (
    <div className="whiteboard stack-small">
      <div className="actions" role="group" aria-label="Which canvas">
        {entry.group && (
          <button
            type="button"
            className="button button--secondary button--small"
            aria-pressed={which === 'group'}
            onClick={() => setWhich('group')}
          >
            Group canvas
          </button>
        )}
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
        {facilitator && (
          <CanvasControls sessionId={sessionId} locked={entry.locked} onChanged={onChanged} />
        )}
      </div>
      <p id={`${id}-note`} className="muted">
        {which === 'mine'
          ? 'Only you can see this canvas.'
          : entry.locked
            ? 'The facilitators have locked the canvas: you can look, not draw.'
            : 'Everyone in the group sees this canvas. You can move and erase only your own drawings.'}
      </p>
      {role === 'member' && spotlight && which === 'group' && (
        <div className="presented-notice" role="status">
          <p>
            {spotlight.work && entry.layer && spotlight.work === keyOf(entry.layer)
              ? 'Your facilitator is showing your work to the group.'
              : 'Your facilitator is showing the group a work on the canvas.'}
          </p>
          <button type="button" className="button button--quiet button--small" onClick={look}>
            Back to the spotlight
          </button>
        </div>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <CanvasTools
        sessionId={sessionId}
        ready={ready}
        which={which}
        role={role}
        canDraw={which === 'mine' ? !over : canDraw}
        facilitator={facilitator && which === 'group'}
        onShare={(content) => {
          setSharing(content)
          setWhich('group')
        }}
      />
      <Canvas
        key={`${which}:${String(entry.locked)}`}
        sessionId={sessionId}
        role={role}
        facilitator={facilitator}
        onReady={onReady}
        ready={ready}
        parts={parts}
        entry={entry}
        layersFrom={which === 'group' ? entry.canvas : null}
        layerName={layerName}
        licenseKey={entry.licenseKey}
        label={which === 'mine' ? 'My own canvas' : 'Group canvas'}
        onProblem={onProblem}
        pictures={(which === 'mine' ? !over : canDraw) ? which : null}
        othersWritable={facilitator}
      />
    </div>
  )
}

function Canvas({
  parts,
  layersFrom,
  facilitator,
  role,
  entry,
  ready,
  ...props
}: Omit<Parameters<typeof CanvasEditor>[0], 'docs' | 'layersFrom' | 'revealed'> & {
  layersFrom: DocName | null
  /** A facilitator chooses the prompt and leads the gallery walk. */
  facilitator: boolean
  role: 'facilitator' | 'member'
  entry: CanvasEntry
  ready: CanvasReady | null
}) {
  const docs = useCanvasDocs(parts.map((p) => p.name))
  const canvasDoc = layersFrom && docs ? (docs.get(layersFrom) ?? null) : null
  const shown = useSharedMap(canvasDoc?.doc ?? null, CANVAS_SETTINGS, readGallery)
  const { layerName } = props
  // Members' screens hide the works not revealed yet; facilitators see them all to choose.
  const revealed = useMemo(
    () => (shown && role === 'member' ? new Set(shown.map(layerName)) : null),
    [shown, role, layerName],
  )
  if (!docs) return <LoadingNotice>Opening the canvas…</LoadingNotice>
  return (
    <>
      {canvasDoc && (
        <CanvasPrompt
          sessionId={props.sessionId}
          canvasDoc={canvasDoc.doc}
          facilitator={facilitator}
        />
      )}
      {canvasDoc && facilitator && (
        <GalleryWalk
          sessionId={props.sessionId}
          ready={ready}
          layers={entry.layers}
          shown={shown}
          keyOf={keyOf}
        />
      )}
      {canvasDoc && role === 'member' && shown && (
        <p className="muted" role="status">
          Gallery walk: the facilitator reveals the group’s works one by one.
        </p>
      )}
      <CanvasEditor
        {...props}
        parts={parts}
        docs={docs}
        layersFrom={canvasDoc}
        revealed={revealed}
      />
    </>
  )
}
