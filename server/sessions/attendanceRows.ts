import type { Data } from '../data/Data.ts'

/** One person in the waiting room or the room, as the facilitators' list shows them. */
export interface AttendanceRow {
  memberId: string
  pseudonym: string
  colour: string
  state: string
  arrivedAt: number
  admittedAt: number | null
  /** Their time in the call, from LiveKit's webhooks: first join, last leave, still in it. */
  callJoinedAt: number | null
  callLeftAt: number | null
  /** 1 while in the call, 0 after, null if never in it (as the client reads it). */
  inCall: number | null
}

/**
 * Everyone who came to the session and is still in the group, in order of arrival. Their time
 * in the call is summed up here rather than in SQL: "still in it" is a comparison, which the
 * two databases return differently (1/0, true/false).
 */
export async function attendanceRows(data: Data, sessionId: string): Promise<AttendanceRow[]> {
  const people = await data
    .selectFrom('session_attendance as a')
    .innerJoin('members as m', 'm.id', 'a.member_id')
    .select([
      'm.id as memberId',
      'm.pseudonym',
      'm.colour',
      'a.state',
      'a.arrived_at as arrivedAt',
      'a.admitted_at as admittedAt',
    ])
    .where('a.session_id', '=', sessionId)
    .where('m.status', '=', 'active')
    .orderBy('a.arrived_at')
    .orderBy('a.member_id')
    .execute()
  const calls = await data
    .selectFrom('video_attendance as v')
    .innerJoin('video_identities as i', 'i.identity', 'v.identity')
    .select(['i.person_id as personId', 'v.joined_at as joinedAt', 'v.left_at as leftAt'])
    .where('i.session_id', '=', sessionId)
    .execute()
  const timeIn = new Map<string, { joined: number; left: number | null; open: boolean }>()
  for (const { personId, joinedAt, leftAt } of calls) {
    const seen = timeIn.get(personId)
    timeIn.set(personId, {
      joined: Math.min(seen?.joined ?? joinedAt, joinedAt),
      left: leftAt === null ? (seen?.left ?? null) : Math.max(seen?.left ?? leftAt, leftAt),
      open: (seen?.open ?? false) || leftAt === null,
    })
  }
  return people.map((person) => {
    const call = timeIn.get(person.memberId)
    return {
      ...person,
      callJoinedAt: call?.joined ?? null,
      callLeftAt: call?.left ?? null,
      inCall: call ? Number(call.open) : null,
    }
  })
}
