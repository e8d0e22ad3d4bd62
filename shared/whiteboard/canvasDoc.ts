import { z } from 'zod'
import { docNameSchema } from '../documents/docName.ts'

/**
 * The group canvas of a session is composed of documents (Yjs cannot restrict part of one):
 *
 * - the canvas document (`…/canvas`): written by the facilitators and the server; its map
 *   `layers` (layer key → true) lists every person's layer, its map `settings` says whether
 *   the facilitators locked the canvas;
 * - one layer per person (`…/canvas/<key>`): that person's shapes, which only they (and the
 *   facilitators) can write, so a member cannot move or erase anyone else's drawing;
 * - a member's own canvas (`…/sketch/<key>`), theirs alone.
 *
 * Each holds tldraw records in its map `records` (id → record) and the schema they were
 * written with in `meta.schema`.
 */
export const CANVAS_LAYERS = 'layers'
export const CANVAS_SETTINGS = 'settings'
export const CANVAS_RECORDS = 'records'
export const CANVAS_META = 'meta'

/** `POST /api/sessions/:id/canvas`: the documents of the canvas for this person. */
export const canvasEntry = z.object({
  canvas: docNameSchema,
  /** Whether this person may see the group canvas (after the session, it may be withheld). */
  group: z.boolean(),
  /** This person's layer, where their strokes go (null: after the session, none was made). */
  layer: docNameSchema.nullable(),
  /** Every layer of the group canvas, this person's included. */
  layers: z.array(docNameSchema),
  /** A member's own canvas (facilitators have none). */
  sketch: docNameSchema.nullable(),
  locked: z.boolean(),
  /** The deployment's tldraw licence key (TLDRAW_LICENSE_KEY), or null. */
  licenseKey: z.string().nullable(),
})
export type CanvasEntry = z.infer<typeof canvasEntry>

export const canvasLockRequest = z.object({ locked: z.boolean() })
/**
 * The gallery walk (`settings.gallery` in the canvas document): while it is on, members' screens
 * show only the works (layers, by key) revealed so far, besides their own; null: off.
 */
export const canvasGalleryRequest = z
  .object({ shown: z.array(z.string().max(40)).max(200).nullable() })
  .strict()
export const CANVAS_GALLERY = 'gallery'

/** The prompt shown above the group canvas (shared/whiteboard/prompts.ts), or none. */
export const canvasPromptRequest = z.object({ promptId: z.string().max(40).nullable() })

/**
 * The one kind of asset a canvas holds: a picture stored on this server (its address, never
 * its bytes: no `data:` URL in a document), or one still being added (an empty address).
 * Anything else (a video, a bookmark that would make browsers fetch a web address) is refused
 * by every client that reads the document.
 */
export const CANVAS_IMAGE_SRC = /^\/api\/images\/[0-9a-f]{64}$/

export function isCanvasAsset(record: { typeName?: unknown; type?: unknown; props?: unknown }) {
  if (record.typeName !== 'asset') return true
  const src = (record.props as { src?: unknown } | undefined)?.src
  return (
    record.type === 'image' &&
    (src === null || src === '' || (typeof src === 'string' && CANVAS_IMAGE_SRC.test(src)))
  )
}
