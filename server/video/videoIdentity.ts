import type { Db } from '../db/openDatabase.ts'
import { newId } from '../db/newId.ts'

/**
 * A person's identity in a session's call, made on first use: opaque, so the media server, its
 * logs and the others in the call never see an account id.
 */
export function videoIdentityFor(db: Db, sessionId: string, personId: string, now: number): string {
  const existing = db.sql
    .prepare('SELECT identity FROM video_identities WHERE session_id = ? AND person_id = ?')
    .get(sessionId, personId) as { identity: string } | undefined
  if (existing) return existing.identity
  const identity = newId('video')
  db.sql
    .prepare(
      'INSERT INTO video_identities (identity, session_id, person_id, created_at) VALUES (?, ?, ?, ?)',
    )
    .run(identity, sessionId, personId, now)
  return identity
}

/** Who an identity of this session's call is, or null. */
export function personOfIdentity(
  db: Db,
  sessionId: string,
  identity: string,
): { personId: string; removedAt: number | null } | null {
  const row = db.sql
    .prepare(
      'SELECT person_id, removed_at FROM video_identities WHERE session_id = ? AND identity = ?',
    )
    .get(sessionId, identity) as { person_id: string; removed_at: number | null } | undefined
  return row ? { personId: row.person_id, removedAt: row.removed_at } : null
}
