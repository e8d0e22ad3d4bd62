import { createHash } from 'node:crypto'
import type { Db } from '../db/openDatabase.ts'
import { newSecret } from '../db/newId.ts'

/** Who a login belongs to. */
export interface LoginOwner {
  kind: 'facilitator' | 'member'
  id: string
}

/** Automatic logoff (C16): after `idleMs` without activity, and `absoluteMs` after login. */
export interface LoginPolicy {
  idleMs: number
  absoluteMs: number
}

export interface ActiveLogin {
  owner: LoginOwner
  tokenHash: string
  /** When it ends unless there is activity before then. */
  expiresAt: number
}

interface LoginRow {
  token_hash: string
  principal_kind: 'facilitator' | 'member'
  principal_id: string
  last_seen_at: number
  expires_at: number
  ended_at: number | null
}

/** Activity closer together than this does not rewrite the row. */
const TOUCH_EVERY_MS = 30_000

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/** Starts a login; the returned token goes into the cookie, only its hash into the database. */
export function createLogin(db: Db, owner: LoginOwner, policy: LoginPolicy, now: number): string {
  const token = newSecret()
  db.sql
    .prepare(
      `INSERT INTO logins (token_hash, principal_kind, principal_id, created_at, last_seen_at,
         expires_at) VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(hashToken(token), owner.kind, owner.id, now, now, now + policy.absoluteMs)
  return token
}

/** The login a token opens, if it is still valid at `now`; records the activity. */
export function resolveLogin(
  db: Db,
  token: string,
  policyFor: (kind: LoginOwner['kind']) => LoginPolicy,
  now: number,
): ActiveLogin | null {
  const tokenHash = hashToken(token)
  const row = db.sql.prepare('SELECT * FROM logins WHERE token_hash = ?').get(tokenHash) as
    LoginRow | undefined
  if (!row || row.ended_at !== null) return null
  const policy = policyFor(row.principal_kind)
  if (now >= row.expires_at || now - row.last_seen_at >= policy.idleMs) return null
  if (now - row.last_seen_at >= TOUCH_EVERY_MS) touchLogins(db, [tokenHash], now)
  return {
    owner: { kind: row.principal_kind, id: row.principal_id },
    tokenHash,
    expiresAt: Math.min(row.expires_at, now + policy.idleMs),
  }
}

/** Records activity (an open socket counts) for these logins. */
export function touchLogins(db: Db, tokenHashes: Iterable<string>, now: number): void {
  const touch = db.sql.prepare(
    'UPDATE logins SET last_seen_at = ? WHERE token_hash = ? AND ended_at IS NULL',
  )
  db.transaction(() => {
    for (const h of tokenHashes) touch.run(now, h)
  })
}

export function endLogin(db: Db, tokenHash: string, now: number): void {
  db.sql
    .prepare('UPDATE logins SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL')
    .run(now, tokenHash)
}

/** Ends every login of one person (removal, re-issued access); returns their hashes. */
export function endLoginsOf(db: Db, owner: LoginOwner, now: number): string[] {
  const rows = db.sql
    .prepare(
      `UPDATE logins SET ended_at = ? WHERE principal_kind = ? AND principal_id = ?
         AND ended_at IS NULL RETURNING token_hash`,
    )
    .all(now, owner.kind, owner.id) as { token_hash: string }[]
  return rows.map((r) => r.token_hash)
}

/** Ends logins past their idle or absolute limit; returns their hashes, to close sockets. */
export function expireLogins(
  db: Db,
  policyFor: (kind: LoginOwner['kind']) => LoginPolicy,
  now: number,
): string[] {
  const ended: string[] = []
  for (const kind of ['facilitator', 'member'] as const) {
    const rows = db.sql
      .prepare(
        `UPDATE logins SET ended_at = ? WHERE ended_at IS NULL AND principal_kind = ?
           AND (expires_at <= ? OR last_seen_at <= ?) RETURNING token_hash`,
      )
      .all(now, kind, now, now - policyFor(kind).idleMs) as { token_hash: string }[]
    ended.push(...rows.map((r) => r.token_hash))
  }
  return ended
}
