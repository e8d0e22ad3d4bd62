import { randomBytes } from 'node:crypto'
import { newId } from '../../db/newId.ts'
import type { Data } from '../Data.ts'

/**
 * Rows a data contract suite starts from, written straight through Kysely (no routes, no
 * sealing): the same on SQLite and PostgreSQL. Each returns the new row's id; `over` sets any
 * column. Content columns hold plain placeholders, not sealed values. Groups, sessions and
 * members get ids of the shape document names parse, so suites that go through names (aliases,
 * seeds) use the same rows.
 */
const id = (prefix: string) => `${prefix}_${randomBytes(6).toString('hex')}`
const AT = 1_700_000_000_000

export async function aFacilitator(data: Data, over: { email?: string } = {}): Promise<string> {
  const facilitatorId = id('f')
  await data
    .insertInto('facilitators')
    .values({
      id: facilitatorId,
      email: over.email ?? `${facilitatorId}@example.org`,
      display_name: 'Dr Test',
      password_hash: 'not a hash',
      created_at: AT,
    })
    .execute()
  return facilitatorId
}

/** A group led by `leadId` (a new facilitator when not given). */
export async function aGroup(data: Data, leadId?: string): Promise<{ groupId: string; leadId: string }> {
  const lead = leadId ?? (await aFacilitator(data))
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
    .values({ group_id: groupId, facilitator_id: lead, role: 'lead' })
    .execute()
  return { groupId, leadId: lead }
}

export async function aMember(data: Data, groupId: string, pseudonym = id('p')): Promise<string> {
  const memberId = newId('member')
  await data
    .insertInto('members')
    .values({
      id: memberId,
      group_id: groupId,
      pseudonym,
      pseudonym_key: pseudonym.toLowerCase(),
      colour: '#336699',
      status: 'active',
      created_at: AT,
    })
    .execute()
  return memberId
}

export async function aSession(
  data: Data,
  groupId: string,
  status: 'scheduled' | 'open' | 'live' | 'ended' | 'cancelled' = 'live',
): Promise<string> {
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
      status,
    })
    .execute()
  return sessionId
}

/** A deck in `ownerId`'s library, which they edit. */
export async function aDeck(data: Data, ownerId: string): Promise<string> {
  const deckId = id('deck')
  await data.insertInto('decks').values({ id: deckId, owner_id: ownerId, title: 'Deck', created_at: AT }).execute()
  await data.insertInto('deck_editors').values({ deck_id: deckId, facilitator_id: ownerId }).execute()
  return deckId
}

/** An image row (placeholder bytes, not sealed); returns its hash. */
export async function anImage(data: Data): Promise<string> {
  const hash = randomBytes(32).toString('hex')
  await data
    .insertInto('images')
    .values({ hash, type: 'image/png', size: 4, data: new Uint8Array([1, 2, 3, 4]), created_at: AT })
    .execute()
  return hash
}

/** A worksheet given in a session by `createdBy` (its content a placeholder, not sealed). */
export async function aWorksheet(
  data: Data,
  session: { groupId: string; sessionId: string; createdBy: string },
  mode: 'shared' | 'private' = 'private',
  createdAt = AT,
): Promise<string> {
  const worksheetId = id('w')
  await data
    .insertInto('worksheets')
    .values({
      id: worksheetId,
      session_id: session.sessionId,
      group_id: session.groupId,
      template_id: 'thought-record',
      title: `Sheet ${worksheetId}`,
      mode,
      content: '{}',
      created_by: session.createdBy,
      created_at: createdAt,
    })
    .execute()
  return worksheetId
}
