import type { TLAssetStore, TLContent } from 'tldraw'
import { z } from 'zod'
import { CANVAS_IMAGE_SRC } from '../../shared/whiteboard/canvasDoc.ts'
import { apiRequest } from '../api/apiRequest.ts'

/** The picture types the server takes (server/images/sniffImage.ts): raster only, no SVG. */
export const PICTURE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const
/** The most one picture may weigh (IMAGE_MAX_BYTES on the server). */
export const PICTURE_MAX_BYTES = 5 * 1024 * 1024

const stored = z.object({ url: z.string().regex(CANVAS_IMAGE_SRC) })

/** Where a canvas's pictures go: the person's layer of the group canvas, or their own canvas. */
export type PictureTarget = 'group' | 'mine'

const uploadPath = (sessionId: string, to: PictureTarget) =>
  `/api/sessions/${sessionId}/canvas/images?to=${to}`

/**
 * tldraw's asset store for one canvas: a pasted or dropped picture is uploaded to the server,
 * which checks it and keeps it; the document holds its address only. A refusal (not a picture,
 * too many, canvas locked) is reported with the server's reason.
 */
export function canvasAssetStore(
  sessionId: string,
  to: PictureTarget,
  onRefused: (message: string) => void,
): TLAssetStore {
  return {
    async upload(_asset, file, signal) {
      try {
        const { url } = await apiRequest(uploadPath(sessionId, to), {
          method: 'POST',
          body: file,
          schema: stored,
          ...(signal ? { signal } : {}),
        })
        return { src: url }
      } catch (error) {
        onRefused(error instanceof Error ? error.message : 'The picture could not be added.')
        throw error
      }
    },
  }
}

/**
 * Pictures in drawings carried from one's own canvas to the group canvas: each is linked to the
 * group canvas too (uploaded again; the server keeps one copy), so that the group may see it.
 */
export async function bringPicturesAlong(sessionId: string, content: TLContent): Promise<void> {
  for (const asset of content.assets) {
    const src = (asset.props as { src?: unknown }).src
    if (typeof src !== 'string' || !CANVAS_IMAGE_SRC.test(src)) continue
    const picture = await fetch(src, { credentials: 'same-origin' })
    if (!picture.ok) throw new Error('A picture in this drawing could not be shared.')
    await apiRequest(uploadPath(sessionId, 'group'), {
      method: 'POST',
      body: await picture.blob(),
      schema: stored,
    })
  }
}
