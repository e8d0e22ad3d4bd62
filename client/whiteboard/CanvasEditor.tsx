import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { useEffect, useMemo, useState } from 'react'
import {
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  Tldraw,
  toRichText,
  type Editor,
  type TLStore,
} from 'tldraw'
import 'tldraw/tldraw.css'
import type { DocName } from '../../shared/documents/docName.ts'
import { CANVAS_LAYERS } from '../../shared/whiteboard/canvasDoc.ts'
import type { SyncedDoc } from '../sync/openSyncedDoc.ts'
import { bindCanvas, type CanvasProblem, type CanvasSource } from './bindCanvas.ts'
import { openCanvasDoc } from './useCanvasDocs.ts'

// Fonts, icons and translations from our own origin: the page asks tldraw's servers for nothing.
const ASSET_URLS = getAssetUrlsByImport()

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
}

export interface CanvasReady {
  editor: Editor
  isMine: (id: string) => boolean
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
}: CanvasEditorProps) {
  const store = useMemo<TLStore>(
    () => createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils }),
    [],
  )
  const [bound, setBound] = useState<ReturnType<typeof bindCanvas> | null>(null)
  useEffect(() => {
    const sources = parts.map((p) => ({
      doc: docs.get(p.name)!.doc,
      writable: p.writable,
      role: p.role,
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
        void ready.then(() => binding.add({ doc: synced.doc, writable: false, role: 'other' }))
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
          {...(licenseKey ? { licenseKey } : {})}
          onMount={(editor) => {
            guardPastes(editor, onProblem)
            onReady({ editor, isMine: bound.isMine })
          }}
        />
      )}
    </div>
  )
}

/**
 * What comes in from outside: a pasted web address becomes text (the browser never fetches it:
 * no preview, no unfurl), and pictures are refused until they can go through the server's
 * upload endpoint (tldraw would otherwise put them into the document as base64).
 */
function guardPastes(editor: Editor, onProblem: (problem: CanvasProblem) => void) {
  editor.registerExternalContentHandler('url', ({ url, point }) => {
    const at = point ?? editor.getViewportPageBounds().center
    editor.createShape({ type: 'text', x: at.x, y: at.y, props: { richText: toRichText(url) } })
  })
  for (const kind of ['files', 'svg-text'] as const) {
    editor.registerExternalContentHandler(kind, () => onProblem({ kind: 'no-pictures' }))
  }
}
