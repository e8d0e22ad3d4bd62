import type { Db } from '../db/openDatabase.ts'

/**
 * Login rate limits (C15): failures are counted per account key and per client address over a
 * window. Unknown accounts are counted like known ones, so the answer never tells them apart.
 */
export interface ThrottlePolicy {
  windowMs: number
  perAccount: number
  perAddress: number
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  perAccount: 8,
  perAddress: 40,
}

export function isThrottled(
  db: Db,
  keys: { account: string; address: string },
  policy: ThrottlePolicy,
  now: number,
): boolean {
  const count = db.sql.prepare('SELECT COUNT(*) AS n FROM login_failures WHERE key = ? AND at > ?')
  const since = now - policy.windowMs
  const account = (count.get(`a:${keys.account}`, since) as { n: number }).n
  const address = (count.get(`ip:${keys.address}`, since) as { n: number }).n
  return account >= policy.perAccount || address >= policy.perAddress
}

export function recordFailure(
  db: Db,
  keys: { account: string; address: string },
  now: number,
): void {
  db.transaction(() => {
    const insert = db.sql.prepare('INSERT INTO login_failures (key, at) VALUES (?, ?)')
    insert.run(`a:${keys.account}`, now)
    insert.run(`ip:${keys.address}`, now)
  })
}

/** Forgets failures older than the window. */
export function pruneFailures(db: Db, policy: ThrottlePolicy, now: number): void {
  db.sql.prepare('DELETE FROM login_failures WHERE at <= ?').run(now - policy.windowMs)
}
