import type { DeleteResult } from 'kysely'
import { atomically, type Data } from '../data/Data.ts'

/** One table's rows of the group, as a delete statement ready to run. */
type Deletion = (trx: Data, groupId: string) => { executeTakeFirst(): Promise<DeleteResult> }

const sessionsOf = (trx: Data, groupId: string) =>
  trx.selectFrom('sessions').select('id').where('group_id', '=', groupId)
const membersOf = (trx: Data, groupId: string) =>
  trx.selectFrom('members').select('id').where('group_id', '=', groupId)
const worksheetsOf = (trx: Data, groupId: string) =>
  trx.selectFrom('worksheets').select('id').where('group_id', '=', groupId)
const handoutsOf = (trx: Data, groupId: string) =>
  trx.selectFrom('handouts').select('id').where('session_id', 'in', sessionsOf(trx, groupId))

/**
 * Every row of a group in the main database, children before the rows they refer to (foreign
 * keys are on). What the group's members, facilitators and sessions made goes; the facilitators'
 * own libraries (templates, decks) and accounts stay, and so do the audit trail (append-only,
 * ids and counts only) and ended logins (a token hash and times).
 */
const DELETIONS: readonly Deletion[] = [
  (trx, g) =>
    trx
      .deleteFrom('crisis_alerts')
      .where(
        'signal_id',
        'in',
        trx.selectFrom('silent_signals').select('id').where('session_id', 'in', sessionsOf(trx, g)),
      ),
  (trx, g) => trx.deleteFrom('silent_signals').where('session_id', 'in', sessionsOf(trx, g)),
  (trx, g) => trx.deleteFrom('private_lines').where('session_id', 'in', sessionsOf(trx, g)),
  (trx, g) =>
    trx
      .deleteFrom('chat_reactions')
      .where(
        'message_id',
        'in',
        trx.selectFrom('chat_messages').select('id').where('session_id', 'in', sessionsOf(trx, g)),
      ),
  (trx, g) => trx.deleteFrom('chat_messages').where('session_id', 'in', sessionsOf(trx, g)),
  (trx, g) => trx.deleteFrom('chat_mutes').where('session_id', 'in', sessionsOf(trx, g)),
  (trx, g) =>
    trx
      .deleteFrom('canvas_images')
      .where(
        'key',
        'in',
        trx.selectFrom('canvas_keys').select('key').where('session_id', 'in', sessionsOf(trx, g)),
      ),
  (trx, g) => trx.deleteFrom('canvas_keys').where('session_id', 'in', sessionsOf(trx, g)),
  (trx, g) =>
    trx
      .deleteFrom('video_attendance')
      .where(
        'identity',
        'in',
        trx
          .selectFrom('video_identities')
          .select('identity')
          .where('session_id', 'in', sessionsOf(trx, g)),
      ),
  (trx, g) => trx.deleteFrom('video_identities').where('session_id', 'in', sessionsOf(trx, g)),
  (trx, g) => trx.deleteFrom('video_keys').where('session_id', 'in', sessionsOf(trx, g)),
  (trx, g) =>
    trx
      .deleteFrom('checkin_answers')
      .where(
        'checkin_id',
        'in',
        trx.selectFrom('checkins').select('id').where('session_id', 'in', sessionsOf(trx, g)),
      ),
  (trx, g) => trx.deleteFrom('checkins').where('session_id', 'in', sessionsOf(trx, g)),
  (trx, g) =>
    trx
      .deleteFrom('measure_answers')
      .where(
        'request_id',
        'in',
        trx
          .selectFrom('measure_requests')
          .select('id')
          .where('session_id', 'in', sessionsOf(trx, g)),
      ),
  (trx, g) => trx.deleteFrom('measure_requests').where('session_id', 'in', sessionsOf(trx, g)),
  (trx, g) => trx.deleteFrom('slide_responses').where('handout_id', 'in', handoutsOf(trx, g)),
  (trx, g) => trx.deleteFrom('slide_results_shown').where('handout_id', 'in', handoutsOf(trx, g)),
  (trx, g) => trx.deleteFrom('handout_images').where('handout_id', 'in', handoutsOf(trx, g)),
  (trx, g) => trx.deleteFrom('handouts').where('session_id', 'in', sessionsOf(trx, g)),
  (trx, g) => trx.deleteFrom('session_snapshots').where('session_id', 'in', sessionsOf(trx, g)),
  (trx, g) => trx.deleteFrom('worksheet_shares').where('worksheet_id', 'in', worksheetsOf(trx, g)),
  (trx, g) => trx.deleteFrom('private_copies').where('worksheet_id', 'in', worksheetsOf(trx, g)),
  (trx, g) => trx.deleteFrom('deleted_copies').where('worksheet_id', 'in', worksheetsOf(trx, g)),
  (trx, g) => trx.deleteFrom('worksheets').where('group_id', '=', g),
  (trx, g) => trx.deleteFrom('reminders_sent').where('session_id', 'in', sessionsOf(trx, g)),
  (trx, g) => trx.deleteFrom('push_subscriptions').where('member_id', 'in', membersOf(trx, g)),
  (trx, g) => trx.deleteFrom('session_attendance').where('session_id', 'in', sessionsOf(trx, g)),
  (trx, g) => trx.deleteFrom('sessions').where('group_id', '=', g),
  (trx, g) => trx.deleteFrom('session_series').where('group_id', '=', g),
  (trx, g) => trx.deleteFrom('calendar_feeds').where('member_id', 'in', membersOf(trx, g)),
  (trx, g) => trx.deleteFrom('agreement_acceptances').where('member_id', 'in', membersOf(trx, g)),
  (trx, g) => trx.deleteFrom('invitations').where('group_id', '=', g),
  (trx, g) => trx.deleteFrom('member_goals').where('group_id', '=', g),
  (trx, g) => trx.deleteFrom('members').where('group_id', '=', g),
  (trx, g) => trx.deleteFrom('agreements').where('group_id', '=', g),
  (trx, g) => trx.deleteFrom('group_facilitators').where('group_id', '=', g),
]

/**
 * Deletes them in one transaction (the caller's, when it is in one), blanks the group's own row,
 * and marks the erasure done. Returns the rows deleted. The group's failed sign-ins are the
 * throttle's (`forgetGroupSignInFailures`), which may live in another database.
 */
export function deleteGroupRows(data: Data, groupId: string, now: number): Promise<number> {
  return atomically(data, async (trx) => {
    let rows = 0
    for (const deletion of DELETIONS) {
      rows += Number((await deletion(trx, groupId).executeTakeFirst()).numDeletedRows)
    }
    await trx
      .updateTable('groups')
      .set({ name: '', theme: '', description: '', goals: '', erasure_finished_at: now })
      .where('id', '=', groupId)
      .execute()
    return rows
  })
}

/**
 * Forgets the failed sign-ins counted against the group's members: the throttle keys them
 * `a:m:<group>:<pseudonym key>` and `p:m:<group>:<pseudonym key>\n<address>`
 * (server/auth/loginThrottle.ts, authRoutes.ts). Compared by prefix with `substr`, not `LIKE`:
 * `_` and `%` in an id must not match anything, and `LIKE` ignores case on SQLite only.
 * Returns the rows deleted.
 */
export async function forgetGroupSignInFailures(data: Data, groupId: string): Promise<number> {
  const prefixes = ['a:', 'p:'].map((kind) => `${kind}m:${groupId}:`)
  const result = await data
    .deleteFrom('login_failures')
    .where((eb) =>
      eb.or(
        prefixes.map((prefix) =>
          eb(eb.fn('substr', ['key', eb.val(1), eb.val(prefix.length)]), '=', prefix),
        ),
      ),
    )
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}
