import type { Data } from '../data/Data.ts'

/** What facilitators see of a member in the list: never their passphrase or its key. */
export interface MemberListEntry {
  id: string
  pseudonym: string
  colour: string
  status: string
  joinedAt: number
  /** Whether they accepted the agreement version `version` (the current one). */
  acceptedCurrent: boolean
}

/** A group's members, removed ones too, in the order they joined. */
export async function membersOf(
  data: Data,
  groupId: string,
  version: number,
): Promise<MemberListEntry[]> {
  // One acceptance per member and version at most (its key): the join adds no rows.
  const rows = await data
    .selectFrom('members as m')
    .leftJoin('agreement_acceptances as a', (join) =>
      join.onRef('a.member_id', '=', 'm.id').on('a.version', '=', version),
    )
    .select(['m.id', 'm.pseudonym', 'm.colour', 'm.status', 'm.created_at', 'a.member_id'])
    .where('m.group_id', '=', groupId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    pseudonym: r.pseudonym,
    colour: r.colour,
    status: r.status,
    joinedAt: r.created_at,
    acceptedCurrent: r.member_id !== null,
  }))
}

/**
 * The next ten sessions of a group that are not over, nor ended, nor cancelled; one that
 * overran its time by less than an hour still counts.
 */
export function upcomingSessionsOf(data: Data, groupId: string, now: number) {
  return data
    .selectFrom('sessions')
    .select([
      'id',
      'title',
      'starts_at as startsAt',
      'duration_minutes as durationMinutes',
      'time_zone as timeZone',
      'status',
    ])
    .where('group_id', '=', groupId)
    .where('status', 'in', ['scheduled', 'open', 'live'])
    .where((eb) =>
      eb(eb('starts_at', '+', eb('duration_minutes', '*', 60_000)), '>', now - 3_600_000),
    )
    .orderBy('starts_at')
    .orderBy('id')
    .limit(10)
    .execute()
}
