import type { Data } from '../data/Data.ts'
import { newSecret } from '../db/newId.ts'
import { hashToken } from './logins.ts'

const LIFETIME_MS = 24 * 60 * 60 * 1000

/**
 * A one-time link to create the first facilitator, printed when the server starts with none.
 * The token travels in the URL fragment, which browsers never send to servers or in referrers.
 */
export async function issueSetupLink(
  data: Data,
  publicOrigin: string,
  now: number,
): Promise<string> {
  const token = newSecret()
  await data
    .insertInto('setup_links')
    .values({ token_hash: hashToken(token), expires_at: now + LIFETIME_MS })
    .execute()
  return `${publicOrigin}/setup#${token}`
}

/** Whether the link can still be used (checked before the slow work, used up after it). */
export async function setupLinkIsOpen(data: Data, token: string, now: number): Promise<boolean> {
  const row = await data
    .selectFrom('setup_links')
    .select('token_hash')
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst()
  return row !== undefined
}

/**
 * Marks the link used; false when unknown, used or expired. Check and mark are one statement,
 * so that of two instances claiming the link at once only one succeeds.
 */
export async function consumeSetupLink(data: Data, token: string, now: number): Promise<boolean> {
  const result = await data
    .updateTable('setup_links')
    .set({ used_at: now })
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
