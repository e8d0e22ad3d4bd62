import type { Data } from '../../data/Data.ts'
import { aFacilitator } from '../../data/test/graphRows.ts'
import { newId } from '../../db/newId.ts'

const AT = 1_700_000_000_000

/**
 * A group with a lead and a live session, under ids of the shapes document names parse
 * (`graphRows.ts` ids do not): for suites that go through names, as aliases and seeds do.
 */
export async function aNamedSession(
  data: Data,
): Promise<{ groupId: string; sessionId: string; leadId: string }> {
  const leadId = await aFacilitator(data)
  const groupId = newId('group')
  await data
    .insertInto('groups')
    .values({
      id: groupId,
      name: 'Test group',
      theme: 'anxiety',
      kind: 'support',
      description: '',
      goals: '',
      capacity: 12,
      anonymous_chat: 0,
      facilitators_see_authors: 0,
      created_at: AT,
    })
    .execute()
  await data
    .insertInto('group_facilitators')
    .values({ group_id: groupId, facilitator_id: leadId, role: 'lead' })
    .execute()
  return { groupId, sessionId: await aNamedSessionOf(data, groupId), leadId }
}

/** Another live session of `groupId`, its id of the shape names parse. */
export async function aNamedSessionOf(data: Data, groupId: string): Promise<string> {
  const sessionId = newId('session')
  await data
    .insertInto('sessions')
    .values({
      id: sessionId,
      group_id: groupId,
      title: 'Session',
      starts_at: AT,
      duration_minutes: 90,
      time_zone: 'Europe/Berlin',
      status: 'live',
    })
    .execute()
  return sessionId
}

/** A member of `groupId`, its id of the shape names parse. */
export async function aNamedMember(data: Data, groupId: string): Promise<string> {
  const memberId = newId('member')
  await data
    .insertInto('members')
    .values({
      id: memberId,
      group_id: groupId,
      pseudonym: `p${memberId}`,
      pseudonym_key: `p${memberId}`,
      colour: '#336699',
      status: 'active',
      created_at: AT,
    })
    .execute()
  return memberId
}
