import type { Db } from '../db/openDatabase.ts'
import { newSecret } from '../db/newId.ts'
import { hashToken } from './logins.ts'

const LIFETIME_MS = 24 * 60 * 60 * 1000

/**
 * A one-time link to create the first facilitator, printed when the server starts with none.
 * The token travels in the URL fragment, which browsers never send to servers or in referrers.
 */
export function createSetupLink(db: Db, publicOrigin: string, now: number): string {
  const token = newSecret()
  db.sql
    .prepare('INSERT INTO setup_links (token_hash, expires_at) VALUES (?, ?)')
    .run(hashToken(token), now + LIFETIME_MS)
  return `${publicOrigin}/setup#${token}`
}

/** Whether the link can still be used (checked before the slow work, used up after it). */
export function setupLinkIsOpen(db: Db, token: string, now: number): boolean {
  return (
    db.sql
      .prepare(
        'SELECT 1 FROM setup_links WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?',
      )
      .get(hashToken(token), now) !== undefined
  )
}

/** Marks the link used; false when unknown, used or expired. */
export function consumeSetupLink(db: Db, token: string, now: number): boolean {
  const result = db.sql
    .prepare(
      `UPDATE setup_links SET used_at = ? WHERE token_hash = ? AND used_at IS NULL
         AND expires_at > ?`,
    )
    .run(now, hashToken(token), now)
  return result.changes === 1
}
