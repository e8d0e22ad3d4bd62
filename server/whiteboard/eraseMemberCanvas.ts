import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { CANVAS_LAYERS } from '../../shared/whiteboard/canvasDoc.ts'
import type { Services } from '../http/AppEnv.ts'
import { atomically, type Data } from '../data/Data.ts'
import { dropUnusedImages } from '../images/storeImage.ts'
import { canvasDocOfKey } from './canvasImages.ts'

/**
 * A member's erasure, for the whiteboard: their own canvases and their layers of group
 * canvases are deleted with their history (their drawings are theirs, unlike words on a shared
 * sheet), with the pictures they added, and the canvases stop listing those layers. Returns
 * the number of documents deleted.
 */
export async function eraseMemberCanvas(services: Services, memberId: string): Promise<number> {
  const { sync } = services
  const data = await services.data()
  const keys = await data
    .selectFrom('canvas_keys as k')
    .innerJoin('sessions as s', 's.id', 'k.session_id')
    .select(['k.key', 'k.kind', 'k.session_id', 's.group_id'])
    .where('k.owner_id', '=', memberId)
    .execute()
  for (const k of keys) {
    await sync.forget(canvasDocOfKey(k))
    if (k.kind === 'layer') {
      const canvas = sessionDocName.canvas(k.group_id, k.session_id) as DocName
      await sync.serverWrite(canvas, (doc) => doc.getMap(CANVAS_LAYERS).delete(k.key))
      await sync.compactNow(canvas)
    }
  }
  await deleteMemberCanvasRows(data, memberId)
  return keys.length
}

/**
 * Their canvases' keys and the pictures placed on them, in one transaction; their pictures go
 * with them, unless something else (a deck) uses the same picture.
 */
export async function deleteMemberCanvasRows(data: Data, memberId: string): Promise<void> {
  await atomically(data, async (trx) => {
    await trx
      .deleteFrom('canvas_images')
      .where(
        'key',
        'in',
        trx.selectFrom('canvas_keys').select('key').where('owner_id', '=', memberId),
      )
      .execute()
    await trx.deleteFrom('canvas_keys').where('owner_id', '=', memberId).execute()
    await dropUnusedImages(trx)
  })
}
