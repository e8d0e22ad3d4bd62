import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import type { Db } from '../db/openDatabase.ts'

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
export function canvasDocsUsing(db: Db, hash: string): DocName[] {
  const rows = db.sql
    .prepare(
      `SELECT k.key, k.kind, k.session_id, s.group_id FROM canvas_images i
       JOIN canvas_keys k ON k.key = i.key JOIN sessions s ON s.id = k.session_id
       WHERE i.hash = ?`,
    )
    .all(hash) as { key: string; kind: string; session_id: string; group_id: string }[]
  return rows.map(canvasDocOfKey)
}
