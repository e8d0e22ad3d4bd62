import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { useCallback, useEffect, useMemo, useState } from 'react'
import {
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  atom,
  Tldraw,
  toRichText,
  type Editor,
  type TLShape,
  type TLUser,
  type TLStore,
} from 'tldraw'
import 'tldraw/tldraw.css'
import type { DocName } from '../../shared/documents/docName.ts'
import { CANVAS_LAYERS } from '../../shared/whiteboard/canvasDoc.ts'
import type { SyncedDoc } from '../sync/openSyncedDoc.ts'
import {
  bindCanvas,
  type CanvasBinding,
  type CanvasProblem,
  type CanvasSource,
} from './bindCanvas.ts'
import { openCanvasDoc } from './useCanvasDocs.ts'
import { bindPresence } from './canvasPresence.ts'
import {
  canvasAssetStore,
  PICTURE_MAX_BYTES,
  PICTURE_TYPES,
  type PictureTarget,
} from './canvasPictures.ts'

// Fonts, icons and translations from our own origin: the page asks tldraw's servers for nothing.
const ASSET_URLS = getAssetUrlsByImport()
/** Videos are not taken (the server stores raster pictures only). */
const NO_VIDEOS: readonly string[] = []
const NO_USERS = { currentUser: atom<TLUser | null>('no attribution', null) }

export interface CanvasPart {
  name: DocName
  writable: boolean
  role: CanvasSource['role']
}

interface CanvasEditorProps {
  parts: CanvasPart[]
  /** Opened and synced documents, by name. */
  docs: Map<DocName, SyncedDoc>
  /** The group canvas's page document: new people's layers appear in its `layers` map. */
  layersFrom: SyncedDoc | null
  layerName: (key: string) => DocName
  licenseKey: string | null
  label: string
  onProblem: (problem: CanvasProblem) => void
  /** The editor, once mounted, and whether a shape is this person's own. */
  onReady: (ready: CanvasReady | null) => void
  sessionId: string
  /** Where pictures this person adds go; null while they may not draw. */
  pictures: PictureTarget | null
  /** Whether layers that join later may be written (a facilitator's, during the session). */
  othersWritable: boolean
  /**
   * During a gallery walk, the other people's layers (by name) this screen shows; the rest are
   * hidden until revealed. Null: no walk, everything shows.
   */
  revealed: ReadonlySet<string> | null
}

export interface CanvasReady {
  editor: Editor
  isMine: (id: string) => boolean
  binding: CanvasBinding
}

/**
 * The tldraw editor over a canvas's documents (its own chunk, loaded with the Whiteboard tab).
 * The store is bound once every document has synced; a layer that appears later (someone drew
 * for the first time) is opened and added.
 */
export function CanvasEditor({
  parts,
  docs,
  layersFrom,
  layerName,
  licenseKey,
  label,
  onProblem,
  onReady,
  sessionId,
  pictures,
  othersWritable,
  revealed,
}: CanvasEditorProps) {
  // The canvas's pictures go through the server (canvasPictures.ts), never into the document.
  const store = useMemo<TLStore>(
    () =>
      createTLStore({
        shapeUtils: defaultShapeUtils,
        bindingUtils: defaultBindingUtils,
        // No attribution: tldraw would stamp the browser's own user (a name from its local
        // preferences) on shapes; who drew what is the layer's, and names come from the server.
        users: NO_USERS,
        assets: canvasAssetStore(sessionId, pictures ?? 'group', (message) =>
          onProblem({ kind: 'picture-refused', message }),
        ),
      }),
    // One store per canvas: `onProblem` is stable for its life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [sessionId, pictures],
  )
  const [bound, setBound] = useState<CanvasBinding | null>(null)
  // The gallery walk's choice, read by tldraw whenever it decides whether a shape shows.
  const shownLayers = useMemo(() => atom<ReadonlySet<string> | null>('revealed', null), [])
  useEffect(() => {
    shownLayers.set(revealed)
  }, [shownLayers, revealed])
  // Stable: the editor is made again whenever this function changes.
  const visibility = useCallback(
    (shape: TLShape) => {
      const shown = shownLayers.get()
      const source = shown && bound?.sourceOf(shape.id)
      return source && source.role === 'other' && !shown.has(source.name ?? '')
        ? 'hidden'
        : 'inherit'
    },
    [shownLayers, bound],
  )
  useEffect(() => {
    const sources = parts.map((p) => ({
      doc: docs.get(p.name)!.doc,
      writable: p.writable,
      role: p.role,
      name: p.name,
    }))
    const binding = bindCanvas(store, sources, onProblem)
    // The editor mounts once the store holds the canvas (it would otherwise start empty).
    let live = true
    void Promise.resolve().then(() => live && setBound(binding))
    const known = new Set(parts.map((p) => p.name))
    const later: SyncedDoc[] = []
    const layers = layersFrom?.doc.getMap(CANVAS_LAYERS)
    const onLayers = () => {
      for (const key of layers?.keys() ?? []) {
        const name = layerName(key)
        if (known.has(name)) continue
        known.add(name)
        const { synced, ready } = openCanvasDoc(name)
        later.push(synced)
        void ready.then(() =>
          binding.add({ doc: synced.doc, writable: othersWritable, role: 'other', name }),
        )
      }
    }
    layers?.observe(onLayers)
    onLayers()
    return () => {
      live = false
      onReady(null)
      layers?.unobserve(onLayers)
      binding.unbind()
      for (const synced of later) synced.destroy()
    }
    // Bound once per set of documents; `onProblem` and `layerName` are stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, docs])
  return (
    <div className="whiteboard-canvas" role="region" aria-label={label}>
      {bound && (
        <Tldraw
          store={store}
          assetUrls={ASSET_URLS}
          acceptedImageMimeTypes={PICTURE_TYPES}
          acceptedVideoMimeTypes={NO_VIDEOS}
          maxAssetSize={PICTURE_MAX_BYTES}
          {...(licenseKey ? { licenseKey } : {})}
          getShapeVisibility={visibility}
          onMount={(editor) => {
            guardPastes(editor, onProblem, pictures !== null)
            onReady({ editor, isMine: bound.isMine, binding: bound })
            // Cursors on the group canvas only: an own canvas has nobody else on it.
            return layersFrom ? bindPresence(editor, layersFrom.provider.awareness) : undefined
          }}
        />
      )}
    </div>
  )
}

/**
 * What comes in from outside: a pasted web address becomes text (the browser never fetches it:
 * no preview, no unfurl); pictures go through the asset store to the server, and only where
 * this person may draw; SVG (a document that can carry script) is refused, like on the server.
 */
function guardPastes(
  editor: Editor,
  onProblem: (problem: CanvasProblem) => void,
  mayAddPictures: boolean,
) {
  editor.registerExternalContentHandler('url', ({ url, point }) => {
    const at = point ?? editor.getViewportPageBounds().center
    editor.createShape({ type: 'text', x: at.x, y: at.y, props: { richText: toRichText(url) } })
  })
  editor.registerExternalContentHandler('svg-text', () => onProblem({ kind: 'no-svg' }))
  if (!mayAddPictures) {
    editor.registerExternalContentHandler('files', () =>
      onProblem({
        kind: 'picture-refused',
        message: 'You cannot add pictures to this canvas now.',
      }),
    )
  }
}
