import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import type { Data } from '../data/Data.ts'
import { canvasDocsUsing } from '../whiteboard/canvasImages.ts'

/** Whether this facilitator edits a deck that uses the image. */
export async function editsDeckUsing(
  data: Data,
  hash: string,
  facilitatorId: string,
): Promise<boolean> {
  const row = await data
    .selectFrom('deck_images as i')
    .innerJoin('deck_editors as e', 'e.deck_id', 'i.deck_id')
    .select('i.deck_id')
    .where('i.hash', '=', hash)
    .where('e.facilitator_id', '=', facilitatorId)
    .executeTakeFirst()
  return row !== undefined
}

/**
 * The documents that use the image: sessions' copies of decks, canvas layers and own canvases.
 * Whoever may read one of them may fetch it (the document's own rule decides).
 */
export async function docsUsingImage(data: Data, hash: string): Promise<DocName[]> {
  const copies = await data
    .selectFrom('handout_images as i')
    .innerJoin('handouts as h', 'h.id', 'i.handout_id')
    .innerJoin('sessions as s', 's.id', 'h.session_id')
    .select(['h.id', 'h.session_id', 's.group_id'])
    .where('i.hash', '=', hash)
    .execute()
  const docs = copies.map(
    (copy) => sessionDocName.handout(copy.group_id, copy.session_id, copy.id) as DocName,
  )
  docs.push(...(await canvasDocsUsing(data, hash)))
  return docs
}
