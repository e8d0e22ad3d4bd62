import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { CANVAS_LAYERS } from '../../shared/whiteboard/canvasDoc.ts'
import type { Principal } from '../auth/Principal.ts'
import type { Db } from '../db/openDatabase.ts'
import type { Services } from '../http/AppEnv.ts'
import { newId } from '../db/newId.ts'

export type CanvasKeyKind = 'layer' | 'sketch'

/**
 * The opaque key of a person's layer of a session's group canvas, or of a member's own canvas,
 * made on first use. The documents are opened as `…/canvas/<key>` and `…/sketch/<key>`: their
 * names carry no person's id (C1), and the access policy finds the owner from the key.
 */
export function canvasKeyFor(
  db: Db,
  sessionId: string,
  ownerId: string,
  kind: CanvasKeyKind,
  now: number,
): string {
  const existing = db.sql
    .prepare('SELECT key FROM canvas_keys WHERE session_id = ? AND owner_id = ? AND kind = ?')
    .get(sessionId, ownerId, kind) as { key: string } | undefined
  if (existing) return existing.key
  const key = newId('canvas')
  db.sql
    .prepare(
      'INSERT INTO canvas_keys (key, session_id, owner_id, kind, created_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(key, sessionId, ownerId, kind, now)
  return key
}

/** The keys of every layer of a session's group canvas, oldest first. */
export function layerKeysOf(db: Db, sessionId: string): string[] {
  return (
    db.sql
      .prepare(
        "SELECT key FROM canvas_keys WHERE session_id = ? AND kind = 'layer' ORDER BY created_at, key",
      )
      .all(sessionId) as { key: string }[]
  ).map((r) => r.key)
}

/**
 * While a session is in progress, a person who may read its canvas gets a layer of it (listed
 * in the canvas document for everyone to compose) and, a member, a canvas of their own. The
 * caller has checked that they may read the canvas; the documents' rules decide the rest.
 */
export async function openCanvasKeys(
  services: Services,
  groupId: string,
  sessionId: string,
  principal: Principal,
): Promise<{ layer: string; sketch: string | null }> {
  const { db, now, sync } = services
  const layer = canvasKeyFor(db, sessionId, principal.id, 'layer', now())
  const sketch =
    principal.kind === 'member' ? canvasKeyFor(db, sessionId, principal.id, 'sketch', now()) : null
  await sync.serverWrite(sessionDocName.canvas(groupId, sessionId) as DocName, (doc) => {
    const layers = doc.getMap(CANVAS_LAYERS)
    if (!layers.has(layer)) layers.set(layer, true)
  })
  return { layer, sketch }
}
