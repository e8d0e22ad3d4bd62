import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Access } from '../../shared/access/Access.ts'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { DocName } from '../../shared/documents/docName.ts'
import { goalsDocName } from '../../shared/goals/goalsDocNames.ts'
import type { FacilitatorId, GroupId, MemberId } from '../../shared/ids/ids.ts'
import { deckDocName } from '../../shared/slides/deckNames.ts'
import type { Principal } from '../auth/Principal.ts'
import type { Data } from '../data/Data.ts'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { newId } from '../db/newId.ts'
import { groupPolicy } from './groupPolicy.ts'

const AT = 1_700_000_000_000
const DAY = 86_400_000

/**
 * One group with a lead, a member admitted to a live session (with a private copy shared with
 * the facilitators, a private line, a canvas layer and their own goals), a member who only
 * waits, an ended session past its release, a deck in the session and one in the lead's
 * library; and a facilitator of another group. Ids have the shapes document names parse.
 */
async function world(data: Data) {
  const [lead, stranger] = [newId('facilitator'), newId('facilitator')]
  const [group, otherGroup] = [newId('group'), newId('group')]
  const [live, ended] = [newId('session'), newId('session')]
  const [admitted, waiting] = [newId('member'), newId('member')]
  const [deck, handout] = [newId('deck'), newId('handout')]
  const [sharedWs, privateWs] = [newId('worksheet'), newId('worksheet')]
  const [line, layer, goals] = [newId('line'), newId('canvas'), newId('goals')]
  for (const id of [lead, stranger]) {
    await data
      .insertInto('facilitators')
      .values({
        id,
        email: `${id}@x.example`,
        display_name: 'F',
        password_hash: '-',
        created_at: AT,
      })
      .execute()
  }
  for (const [id, facilitator] of [
    [group, lead],
    [otherGroup, stranger],
  ] as const) {
    await data
      .insertInto('groups')
      .values({
        id,
        name: 'G',
        theme: 't',
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
      .values({ group_id: id, facilitator_id: facilitator, role: 'lead' })
      .execute()
  }
  const session = (id: string, status: string, extra: { ended_at?: number } = {}) => ({
    id,
    group_id: group,
    title: 'S',
    starts_at: AT,
    duration_minutes: 60,
    time_zone: 'UTC',
    status,
    release_days: 1,
    ...extra,
  })
  await data
    .insertInto('sessions')
    .values([session(live, 'live'), session(ended, 'ended', { ended_at: AT })])
    .execute()
  for (const [id, pseudonym] of [
    [admitted, 'Robin'],
    [waiting, 'Sky'],
  ] as const) {
    await data
      .insertInto('members')
      .values({
        id,
        group_id: group,
        pseudonym,
        pseudonym_key: pseudonym.toLowerCase(),
        colour: '#336699',
        status: 'active',
        created_at: AT,
      })
      .execute()
  }
  await data
    .insertInto('session_attendance')
    .values([
      { session_id: live, member_id: admitted, state: 'admitted', arrived_at: AT },
      { session_id: live, member_id: waiting, state: 'waiting', arrived_at: AT },
      { session_id: ended, member_id: admitted, state: 'admitted', arrived_at: AT },
    ])
    .execute()
  const sheet = (id: string, mode: string) => ({
    id,
    session_id: live,
    group_id: group,
    template_id: 't',
    title: 'W',
    mode,
    content: '{}',
    created_by: lead,
    created_at: AT,
  })
  await data
    .insertInto('worksheets')
    .values([sheet(sharedWs, 'shared'), sheet(privateWs, 'private')])
    .execute()
  await data
    .insertInto('worksheet_shares')
    .values({
      worksheet_id: privateWs,
      member_id: admitted,
      audience: 'facilitators',
      share_key: 'k',
      shared_at: AT,
    })
    .execute()
  await data
    .insertInto('decks')
    .values({ id: deck, owner_id: lead, title: 'D', created_at: AT })
    .execute()
  await data.insertInto('deck_editors').values({ deck_id: deck, facilitator_id: lead }).execute()
  await data
    .insertInto('handouts')
    .values({
      id: handout,
      session_id: live,
      deck_id: deck,
      title: 'D',
      created_by: lead,
      created_at: AT,
    })
    .execute()
  await data
    .insertInto('private_lines')
    .values({ session_id: live, member_id: admitted, line_key: line })
    .execute()
  await data
    .insertInto('canvas_keys')
    .values({ key: layer, session_id: live, owner_id: admitted, kind: 'layer', created_at: AT })
    .execute()
  await data
    .insertInto('member_goals')
    .values({ group_id: group, member_id: admitted, goals_key: goals, created_at: AT })
    .execute()
  const facilitator = (id: string): Principal => ({
    kind: 'facilitator',
    id: id as FacilitatorId,
    loginHash: 'x',
    expiresAt: Infinity,
    name: 'F',
  })
  const member = (id: string): Principal => ({
    kind: 'member',
    id: id as MemberId,
    groupId: group as GroupId,
    loginHash: 'x',
    expiresAt: Infinity,
    name: 'M',
    colour: '#000000',
  })
  const s = (name: (g: string, s: string) => string) => name(group, live)
  return {
    people: {
      lead: facilitator(lead),
      stranger: facilitator(stranger),
      admitted: member(admitted),
      waiting: member(waiting),
    },
    docs: {
      room: s(sessionDocName.room),
      shared: sessionDocName.shared(group, live, sharedWs),
      sharedOfWrongMode: sessionDocName.shared(group, live, privateWs),
      private: sessionDocName.private(group, live, privateWs, admitted),
      handout: sessionDocName.handout(group, live, handout),
      madeUpHandout: sessionDocName.handout(group, live, 'made-up'),
      line: sessionDocName.line(group, live, line),
      madeUpLine: sessionDocName.line(group, live, newId('line')),
      layer: sessionDocName.canvasLayer(group, live, layer),
      endedChat: sessionDocName.chat(group, ended),
      otherGroupsName: sessionDocName.room(otherGroup, live),
      deck: deckDocName.deck(deck),
      groupGoals: goalsDocName.group(group),
      ownGoals: goalsDocName.member(group, goals),
      madeUpGoals: goalsDocName.member(group, newId('goals')),
    },
    ids: { group, live, admitted },
  }
}

describe.each(DIALECTS)('[C2] the group policy on $name', ({ open }) => {
  let opened: OpenedData
  let w: Awaited<ReturnType<typeof world>>
  beforeEach(async () => {
    opened = await open()
    w = await world(opened.data)
  })
  afterEach(() => opened.close())

  /** Each document's decision for lead, stranger, admitted and waiting, in that order. */
  const decisions = async (now = AT) => {
    const authorize = groupPolicy(
      () => Promise.resolve(opened.data),
      () => now,
    )
    const out = {} as Record<keyof typeof w.docs, Access[]>
    for (const [key, doc] of Object.entries(w.docs) as [keyof typeof w.docs, string][]) {
      const each: Access[] = []
      for (const person of Object.values(w.people))
        each.push(await authorize(person, doc as DocName))
      out[key] = each
    }
    return out
  }

  it('decides each kind from the rows, as the rules of its kind say', async () => {
    expect(await decisions()).toEqual({
      room: ['read', 'none', 'read', 'none'],
      shared: ['write', 'none', 'write', 'none'],
      sharedOfWrongMode: ['none', 'none', 'none', 'none'],
      private: ['read', 'none', 'write', 'none'],
      handout: ['write', 'none', 'read', 'none'],
      madeUpHandout: ['none', 'none', 'none', 'none'],
      line: ['read', 'none', 'read', 'none'],
      madeUpLine: ['none', 'none', 'none', 'none'],
      layer: ['write', 'none', 'write', 'none'],
      endedChat: ['read', 'none', 'read', 'none'],
      otherGroupsName: ['none', 'none', 'none', 'none'],
      deck: ['write', 'none', 'none', 'none'],
      groupGoals: ['write', 'none', 'read', 'read'],
      ownGoals: ['none', 'none', 'write', 'none'],
      madeUpGoals: ['none', 'none', 'none', 'none'],
    })
  })

  it('follows the rows as they change: a locked canvas, a closed copy, shared goals, a removal', async () => {
    const { data } = opened
    await data
      .updateTable('sessions')
      .set({ canvas_locked: 1 })
      .where('id', '=', w.ids.live)
      .execute()
    await data.updateTable('worksheets').set({ closed_at: AT }).execute()
    await data.updateTable('member_goals').set({ shared_with_facilitators: 1 }).execute()
    const changed = await decisions()
    expect(changed.layer).toEqual(['write', 'none', 'read', 'none'])
    expect(changed.private).toEqual(['read', 'none', 'read', 'none'])
    expect(changed.ownGoals).toEqual(['read', 'none', 'write', 'none'])
    await data
      .updateTable('members')
      .set({ status: 'removed' })
      .where('id', '=', w.ids.admitted)
      .execute()
    const removed = await decisions()
    expect(removed.room[2]).toBe('none')
    expect(removed.groupGoals[2]).toBe('none')
  })

  it('takes the ended session’s chat from its members once its release has run out', async () => {
    expect((await decisions(AT + 2 * DAY)).endedChat).toEqual(['read', 'none', 'none', 'none'])
  })
})
