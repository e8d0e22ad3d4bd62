import { advisoryLock, onPostgres, type Data } from '../data/Data.ts'

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
 * any key is at its limit. Check and count are one transaction that no other reservation can
 * enter: on SQLite, Kysely runs one transaction at a time on the connection; on PostgreSQL,
 * where instances reserve at once, the keys' advisory locks (taken in order) queue them.
 */
export async function reserveAttempt(
  data: Data,
  keys: ThrottleKeys,
  policy: ThrottlePolicy,
  now: number,
): Promise<Reservation | null> {
  const [pair, account, address] = keysOf(keys)
  return data.transaction().execute(async (trx) => {
    if (onPostgres(data)) {
      for (const key of [pair, account, address].sort()) await advisoryLock(trx, key)
    }
    const since = now - policy.windowMs
    const over = async (key: string, limit: number) => {
      const { n } = await trx
        .selectFrom('login_failures')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('key', '=', key)
        .where('at', '>', since)
        .executeTakeFirstOrThrow()
      return Number(n) >= limit
    }
    if (
      (await over(pair, policy.perPair)) ||
      (await over(account, policy.perAccount)) ||
      (await over(address, policy.perAddress))
    ) {
      return null
    }
    const rows = await trx
      .insertInto('login_failures')
      .values([pair, account, address].map((key) => ({ key, at: now })))
      .returning('id')
      .execute()
    return rows.map((row) => Number(row.id))
  })
}

/** An attempt that never ran (the server was too busy to check it) is not counted. */
export async function cancelAttempt(data: Data, reservation: Reservation): Promise<void> {
  if (reservation.length === 0) return
  await data
    .deleteFrom('login_failures')
    .where('id', 'in', [...reservation])
    .execute()
}

/**
 * A successful attempt: its reservation is given back, and the earlier failures of the same
 * account from the same address are forgotten (a mistyped password, then the right one).
 */
export async function releaseAttempt(
  data: Data,
  keys: ThrottleKeys,
  reservation: Reservation,
): Promise<void> {
  await data
    .deleteFrom('login_failures')
    .where((eb) =>
      eb.or([
        eb('key', '=', keysOf(keys)[0]),
        ...(reservation.length > 0 ? [eb('id', 'in', [...reservation])] : []),
      ]),
    )
    .execute()
}

/** Forgets failures older than the window. */
export async function pruneFailures(
  data: Data,
  policy: ThrottlePolicy,
  now: number,
): Promise<void> {
  await data
    .deleteFrom('login_failures')
    .where('at', '<=', now - policy.windowMs)
    .execute()
}
