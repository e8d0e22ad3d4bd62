import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import type { Data } from '../data/Data.ts'

/** The most pictures one person may add to one canvas (their layer, or their own canvas). */
export const CANVAS_IMAGES_MAX = 30

/** The name of the document a canvas key opens: a layer of the group canvas, or an own canvas. */
export function canvasDocOfKey(k: {
  key: string
  kind: string
  session_id: string
  group_id: string
}): DocName {
  return (
    k.kind === 'sketch'
      ? sessionDocName.sketch(k.group_id, k.session_id, k.key)
      : sessionDocName.canvasLayer(k.group_id, k.session_id, k.key)
  ) as DocName
}

/** The canvases (layers and own canvases) a picture was added to. */
export async function canvasDocsUsing(data: Data, hash: string): Promise<DocName[]> {
  const rows = await data
    .selectFrom('canvas_images as i')
    .innerJoin('canvas_keys as k', 'k.key', 'i.key')
    .innerJoin('sessions as s', 's.id', 'k.session_id')
    .select(['k.key', 'k.kind', 'k.session_id', 's.group_id'])
    .where('i.hash', '=', hash)
    .execute()
  return rows.map(canvasDocOfKey)
}

/** How many pictures were added to a canvas (a layer, or an own canvas) by its key. */
export async function canvasImageCount(data: Data, key: string): Promise<number> {
  const { n } = await data
    .selectFrom('canvas_images')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', '=', key)
    .executeTakeFirstOrThrow()
  return Number(n)
}
