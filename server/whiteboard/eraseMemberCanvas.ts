import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { CANVAS_LAYERS } from '../../shared/whiteboard/canvasDoc.ts'
import type { Services } from '../http/AppEnv.ts'
import { dropUnusedImages } from '../images/storeImage.ts'
import { canvasDocOfKey } from './canvasImages.ts'

/**
 * A member's erasure, for the whiteboard: their own canvases and their layers of group
 * canvases are deleted with their history (their drawings are theirs, unlike words on a shared
 * sheet), with the pictures they added, and the canvases stop listing those layers. Returns
 * the number of documents deleted.
 */
export async function eraseMemberCanvas(services: Services, memberId: string): Promise<number> {
  const { db, sync } = services
  const keys = db.sql
    .prepare(
      `SELECT k.key, k.kind, k.session_id, s.group_id FROM canvas_keys k
       JOIN sessions s ON s.id = k.session_id WHERE k.owner_id = ?`,
    )
    .all(memberId) as { key: string; kind: string; session_id: string; group_id: string }[]
  for (const k of keys) {
    await sync.forget(canvasDocOfKey(k))
    if (k.kind === 'layer') {
      const canvas = sessionDocName.canvas(k.group_id, k.session_id) as DocName
      await sync.serverWrite(canvas, (doc) => doc.getMap(CANVAS_LAYERS).delete(k.key))
      await sync.compactNow(canvas)
    }
  }
  db.transaction(() => {
    db.sql
      .prepare(
        'DELETE FROM canvas_images WHERE key IN (SELECT key FROM canvas_keys WHERE owner_id = ?)',
      )
      .run(memberId)
    db.sql.prepare('DELETE FROM canvas_keys WHERE owner_id = ?').run(memberId)
    // Their pictures go with them, unless something else (a deck) uses the same picture.
    dropUnusedImages(db)
  })
  return keys.length
}
