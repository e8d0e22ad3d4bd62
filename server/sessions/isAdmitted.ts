import type { Data } from '../data/Data.ts'

/** Whether a member is admitted to a session: the one test behind "nothing before admission" (C3). */
export async function isAdmitted(
  data: Data,
  sessionId: string,
  memberId: string,
): Promise<boolean> {
  const row = await data
    .selectFrom('session_attendance')
    .select('member_id')
    .where('session_id', '=', sessionId)
    .where('member_id', '=', memberId)
    .where('state', '=', 'admitted')
    .executeTakeFirst()
  return row !== undefined
}
