import type { Db } from '../db/openDatabase.ts'

/**
 * Login rate limits (C15). Every attempt is counted before its password is checked (a
 * reservation), so concurrent guesses cannot all slip past the check; a successful attempt
 * gives its reservation back. Counts are kept over a window on three keys:
 *
 * - the account *and* the address together (`perPair`, tight): an attacker guessing one
 *   person's password from one place is stopped there, while that person, from anywhere
 *   else, still signs in;
 * - the account alone (`perAccount`, looser): the ceiling for guesses spread over many
 *   addresses;
 * - the address alone (`perAddress`, loosest): one address spraying many accounts. It is high
 *   because many people may share one address (a clinic's network, a proxy that is not
 *   configured as trusted), and a sprayer must slow itself, not everyone beside it.
 *
 * Unknown accounts are counted like known ones, so the answer never tells them apart.
 */
export interface ThrottlePolicy {
  windowMs: number
  perPair: number
  perAccount: number
  perAddress: number
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  perPair: 8,
  perAccount: 50,
  perAddress: 100,
}

export interface ThrottleKeys {
  account: string
  address: string
}

/** The rows an attempt reserved, to give back when it succeeds. */
export type Reservation = readonly number[]

const keysOf = ({ account, address }: ThrottleKeys) =>
  [`p:${account}\n${address}`, `a:${account}`, `ip:${address}`] as const

/**
 * Counts one attempt now, before the secret is checked. Returns null, counting nothing, when
 * any key is at its limit. Synchronous, so no other request can run between the check and
 * the count.
 */
export function reserveAttempt(
  db: Db,
  keys: ThrottleKeys,
  policy: ThrottlePolicy,
  now: number,
): Reservation | null {
  const [pair, account, address] = keysOf(keys)
  return db.transaction(() => {
    const count = db.sql.prepare(
      'SELECT COUNT(*) AS n FROM login_failures WHERE key = ? AND at > ?',
    )
    const since = now - policy.windowMs
    const over = (key: string, limit: number) => (count.get(key, since) as { n: number }).n >= limit
    if (
      over(pair, policy.perPair) ||
      over(account, policy.perAccount) ||
      over(address, policy.perAddress)
    ) {
      return null
    }
    const insert = db.sql.prepare('INSERT INTO login_failures (key, at) VALUES (?, ?)')
    return [pair, account, address].map((key) => Number(insert.run(key, now).lastInsertRowid))
  })
}

/** An attempt that never ran (the server was too busy to check it) is not counted. */
export function cancelAttempt(db: Db, reservation: Reservation): void {
  const remove = db.sql.prepare('DELETE FROM login_failures WHERE rowid = ?')
  db.transaction(() => {
    for (const rowid of reservation) remove.run(rowid)
  })
}

/**
 * A successful attempt: its reservation is given back, and the earlier failures of the same
 * account from the same address are forgotten (a mistyped password, then the right one).
 */
export function releaseAttempt(db: Db, keys: ThrottleKeys, reservation: Reservation): void {
  db.transaction(() => {
    cancelAttempt(db, reservation)
    db.sql.prepare('DELETE FROM login_failures WHERE key = ?').run(keysOf(keys)[0])
  })
}

/** Forgets failures older than the window. */
export function pruneFailures(db: Db, policy: ThrottlePolicy, now: number): void {
  db.sql.prepare('DELETE FROM login_failures WHERE at <= ?').run(now - policy.windowMs)
}
