import type { Db } from '../db/openDatabase.ts'
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
