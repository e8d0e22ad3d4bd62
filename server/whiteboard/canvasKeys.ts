import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { CANVAS_LAYERS } from '../../shared/whiteboard/canvasDoc.ts'
import type { Principal } from '../auth/Principal.ts'
import type { Data } from '../data/Data.ts'
import type { Services } from '../http/AppEnv.ts'
import { newId } from '../db/newId.ts'

export type CanvasKeyKind = 'layer' | 'sketch'

/** The key a person's layer or own canvas already has, or null. */
export async function existingCanvasKey(
  data: Data,
  sessionId: string,
  ownerId: string,
  kind: CanvasKeyKind,
): Promise<string | null> {
  const row = await data
    .selectFrom('canvas_keys')
    .select('key')
    .where('session_id', '=', sessionId)
    .where('owner_id', '=', ownerId)
    .where('kind', '=', kind)
    .executeTakeFirst()
  return row?.key ?? null
}

/**
 * The opaque key of a person's layer of a session's group canvas, or of a member's own canvas,
 * made on first use. The documents are opened as `…/canvas/<key>` and `…/sketch/<key>`: their
 * names carry no person's id (C1), and the access policy finds the owner from the key.
 */
export async function canvasKeyFor(
  data: Data,
  sessionId: string,
  ownerId: string,
  kind: CanvasKeyKind,
  now: number,
): Promise<string> {
  const existing = await existingCanvasKey(data, sessionId, ownerId, kind)
  if (existing) return existing
  // Two instances (or two tabs) may make it at once: the unique (session, owner, kind) keeps
  // the first, and both answer with it.
  await data
    .insertInto('canvas_keys')
    .values({
      key: newId('canvas'),
      session_id: sessionId,
      owner_id: ownerId,
      kind,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['session_id', 'owner_id', 'kind']).doNothing())
    .execute()
  return (await existingCanvasKey(data, sessionId, ownerId, kind))!
}

/** The keys of every layer of a session's group canvas, oldest first. */
export async function layerKeysOf(data: Data, sessionId: string): Promise<string[]> {
  const rows = await data
    .selectFrom('canvas_keys')
    .select(['key', 'created_at'])
    .where('session_id', '=', sessionId)
    .where('kind', '=', 'layer')
    .execute()
  // Ordered here, keys by code unit as SQLite did: PostgreSQL's ORDER BY would use a collation.
  return rows
    .sort((a, b) => a.created_at - b.created_at || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => r.key)
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
  const { now, sync } = services
  const data = await services.data()
  const layer = await canvasKeyFor(data, sessionId, principal.id, 'layer', now())
  const sketch =
    principal.kind === 'member'
      ? await canvasKeyFor(data, sessionId, principal.id, 'sketch', now())
      : null
  await sync.serverWrite(sessionDocName.canvas(groupId, sessionId) as DocName, (doc) => {
    const layers = doc.getMap(CANVAS_LAYERS)
    if (!layers.has(layer)) layers.set(layer, true)
  })
  return { layer, sketch }
}
