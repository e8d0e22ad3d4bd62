import { createHash } from 'node:crypto'
import type { Data } from '../data/Data.ts'
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

/** Activity closer together than this does not rewrite the row. */
const TOUCH_EVERY_MS = 30_000

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/** Starts a login; the returned token goes into the cookie, only its hash into the database. */
export async function createLogin(
  data: Data,
  owner: LoginOwner,
  policy: LoginPolicy,
  now: number,
): Promise<string> {
  const token = newSecret()
  await data
    .insertInto('logins')
    .values({
      token_hash: hashToken(token),
      principal_kind: owner.kind,
      principal_id: owner.id,
      created_at: now,
      last_seen_at: now,
      expires_at: now + policy.absoluteMs,
    })
    .execute()
  return token
}

/** The login a token opens, if it is still valid at `now`; records the activity. */
export async function resolveLogin(
  data: Data,
  token: string,
  policyFor: (kind: LoginOwner['kind']) => LoginPolicy,
  now: number,
): Promise<ActiveLogin | null> {
  const tokenHash = hashToken(token)
  const row = await data
    .selectFrom('logins')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst()
  if (!row || row.ended_at !== null) return null
  const policy = policyFor(row.principal_kind)
  if (now >= row.expires_at || now - row.last_seen_at >= policy.idleMs) return null
  if (now - row.last_seen_at >= TOUCH_EVERY_MS) await touchLogins(data, [tokenHash], now)
  return {
    owner: { kind: row.principal_kind, id: row.principal_id },
    tokenHash,
    expiresAt: Math.min(row.expires_at, now + policy.idleMs),
  }
}

/** Hashes per statement when touching many logins (well under both databases' limits). */
const TOUCH_BATCH = 500

/** Records activity (an open socket counts) for these logins. */
export async function touchLogins(
  data: Data,
  tokenHashes: Iterable<string>,
  now: number,
): Promise<void> {
  const all = [...tokenHashes]
  for (let i = 0; i < all.length; i += TOUCH_BATCH) {
    await data
      .updateTable('logins')
      .set({ last_seen_at: now })
      .where('token_hash', 'in', all.slice(i, i + TOUCH_BATCH))
      .where('ended_at', 'is', null)
      .execute()
  }
}

export async function endLogin(data: Data, tokenHash: string, now: number): Promise<void> {
  await data
    .updateTable('logins')
    .set({ ended_at: now })
    .where('token_hash', '=', tokenHash)
    .where('ended_at', 'is', null)
    .execute()
}

/** Ends every login of these people (removal, re-issued access); returns their hashes. */
export async function endLoginsOf(
  data: Data,
  owners: readonly LoginOwner[],
  now: number,
): Promise<string[]> {
  const ended: string[] = []
  for (const kind of ['facilitator', 'member'] as const) {
    const ids = owners.filter((o) => o.kind === kind).map((o) => o.id)
    for (let i = 0; i < ids.length; i += TOUCH_BATCH) {
      const rows = await data
        .updateTable('logins')
        .set({ ended_at: now })
        .where('principal_kind', '=', kind)
        .where('principal_id', 'in', ids.slice(i, i + TOUCH_BATCH))
        .where('ended_at', 'is', null)
        .returning('token_hash')
        .execute()
      ended.push(...rows.map((r) => r.token_hash))
    }
  }
  return ended
}

/** Ends logins past their idle or absolute limit; returns their hashes, to close sockets. */
export async function expireLogins(
  data: Data,
  policyFor: (kind: LoginOwner['kind']) => LoginPolicy,
  now: number,
): Promise<string[]> {
  const ended: string[] = []
  for (const kind of ['facilitator', 'member'] as const) {
    const rows = await data
      .updateTable('logins')
      .set({ ended_at: now })
      .where('ended_at', 'is', null)
      .where('principal_kind', '=', kind)
      .where((eb) =>
        eb.or([
          eb('expires_at', '<=', now),
          eb('last_seen_at', '<=', now - policyFor(kind).idleMs),
        ]),
      )
      .returning('token_hash')
      .execute()
    ended.push(...rows.map((r) => r.token_hash))
  }
  return ended
}
