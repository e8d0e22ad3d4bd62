import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sessionDocName } from '../../shared/documents/docKinds.ts'
import type { GroupId, MemberId } from '../../shared/ids/ids.ts'
import type { MemberPrincipal } from '../auth/Principal.ts'
import type { Data } from '../data/Data.ts'
import { DIALECTS, type OpenedData } from '../data/test/eachDialect.ts'
import { aDeck, aGroup, aMember, aSession, aWorksheet } from '../data/test/graphRows.ts'
import { copyKeyFor } from '../worksheets/privateCopies.ts'
import { setShare } from '../worksheets/worksheetShares.ts'
import { libraryOf } from './libraryOf.ts'

const AT = 1_700_000_000_000

const asMember = (id: string, groupId: string): MemberPrincipal => ({
  kind: 'member',
  id: id as MemberId,
  groupId: groupId as GroupId,
  loginHash: 'h',
  expiresAt: AT * 2,
  name: 'Robin',
  colour: '#336699',
})

/**
 * Robin was admitted to an ended session (a group sheet, two private ones: one closed, one
 * they deleted; answers shared with the group twice over; a deck; both canvases) and to a live
 * one; they only waited for a third and a fourth was cancelled.
 */
async function world(data: Data) {
  const { groupId, leadId } = await aGroup(data)
  const robin = await aMember(data, groupId, 'Robin')
  const sam = await aMember(data, groupId, 'Sam')
  const session = async (
    status: 'live' | 'ended' | 'cancelled',
    startsAt: number,
    state: string,
  ) => {
    const sessionId = await aSession(data, groupId, status)
    await data
      .updateTable('sessions')
      .set({ starts_at: startsAt, ended_at: status === 'ended' ? startsAt + 1 : null })
      .where('id', '=', sessionId)
      .execute()
    await data
      .insertInto('session_attendance')
      .values({ session_id: sessionId, member_id: robin, state, arrived_at: startsAt })
      .execute()
    return sessionId
  }
  const ended = await session('ended', AT, 'admitted')
  const live = await session('live', AT + 2000, 'admitted')
  await session('live', AT + 3000, 'waiting')
  await session('cancelled', AT + 4000, 'admitted')
  const at = { groupId, sessionId: ended, createdBy: leadId }
  const sheet = await aWorksheet(data, at, 'shared', AT)
  const closed = await aWorksheet(data, at, 'private', AT + 1)
  const deleted = await aWorksheet(data, at, 'private', AT + 2)
  await data.updateTable('worksheets').set({ closed_at: AT }).where('id', '=', closed).execute()
  await data
    .insertInto('deleted_copies')
    .values({ worksheet_id: deleted, member_id: robin, deleted_at: AT })
    .execute()
  for (const [memberId, fieldId] of [
    [robin, 'f1'],
    [sam, 'f1'],
    [sam, 'f2'],
  ] as const) {
    const share = { worksheetId: closed, memberId, audience: 'group' as const, fieldId }
    await setShare(data, share, true, AT)
  }
  const handout = 'h_test'
  await data
    .insertInto('handouts')
    .values({
      id: handout,
      session_id: ended,
      deck_id: await aDeck(data, leadId),
      title: 'Deck',
      created_by: leadId,
      created_at: AT,
    })
    .execute()
  await data
    .insertInto('canvas_keys')
    .values([
      { key: 'y_layer', session_id: ended, owner_id: sam, kind: 'layer', created_at: AT },
      { key: 'y_sketch', session_id: ended, owner_id: robin, kind: 'sketch', created_at: AT },
      { key: 'y_other', session_id: ended, owner_id: sam, kind: 'sketch', created_at: AT },
    ])
    .execute()
  return { groupId, robin, ended, live, sheet, closed, handout }
}

describe.each(DIALECTS)('a member’s library on $name', ({ open }) => {
  let opened: OpenedData
  let w: Awaited<ReturnType<typeof world>>
  beforeEach(async () => {
    opened = await open()
    w = await world(opened.data)
  })
  afterEach(() => opened.close())

  it('lists the sessions they were admitted to, newest first, with what each holds', async () => {
    const { data } = opened
    const library = await libraryOf(data, asMember(w.robin, w.groupId), AT + 5000)
    expect(library.map((entry) => entry.session.id)).toEqual([w.live, w.ended])
    const [live, ended] = library
    expect(live!.items).toEqual([])
    expect(ended!.releasedUntil).toBeNull()
    const g = w.groupId
    const s = w.ended
    const copy = sessionDocName.copy(g, s, await copyKeyFor(data, w.closed, w.robin))
    expect(
      ended!.items.map(({ kind, id, document, writable, own }) => ({
        kind,
        id,
        document,
        writable,
        own,
      })),
    ).toEqual([
      {
        kind: 'worksheet',
        id: w.sheet,
        document: sessionDocName.shared(g, s, w.sheet),
        writable: false,
        own: false,
      },
      { kind: 'worksheet', id: w.closed, document: copy, writable: false, own: true },
      {
        kind: 'answers',
        id: w.closed,
        document: sessionDocName.answers(g, s, w.closed, 'group'),
        writable: false,
        own: false,
      },
      {
        kind: 'slides',
        id: w.handout,
        document: sessionDocName.handout(g, s, w.handout),
        writable: false,
        own: false,
      },
      {
        kind: 'canvas',
        id: `${s}:canvas`,
        document: sessionDocName.canvas(g, s),
        writable: false,
        own: false,
      },
      {
        kind: 'canvas',
        id: `${s}:sketch`,
        document: sessionDocName.sketch(g, s, 'y_sketch'),
        writable: false,
        own: true,
      },
    ])
    expect(ended!.items[1]!.stored).toBe(sessionDocName.private(g, s, w.closed, w.robin))
  })

  it('leaves out the group’s material that was withheld, keeping the member’s own', async () => {
    const { data } = opened
    await data
      .updateTable('sessions')
      .set({ withheld: '["worksheets","answers","slides","canvas"]', release_days: 1 })
      .where('id', '=', w.ended)
      .execute()
    const [, ended] = await libraryOf(data, asMember(w.robin, w.groupId), AT + 5000)
    expect(ended!.releasedUntil).toBe(AT + 1 + 86_400_000)
    expect(ended!.items.map((item) => `${item.kind}:${item.own}`)).toEqual([
      'worksheet:true',
      'canvas:true',
    ])
  })
})
